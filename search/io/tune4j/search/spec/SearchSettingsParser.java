package io.tune4j.search.spec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code search: {sampler, trials, seed, timeout, resolution}}, every key optional. Each value is checked
 * at its own node so a bad one is reported at its line, not at the section's.
 */
public final class SearchSettingsParser {
    public static final SearchSettings DEFAULTS = new SearchSettings("tpe", 20, 42, null, 5);

    private SearchSettingsParser() {}

    public static SearchSettings parse(Optional<SpecNode> section) {
        if (section.isEmpty()) return DEFAULTS;
        // The trainer-pool keys (parallel, devices, ...) share the section; PoolSettingsParser reads them, and
        // FaultToleranceParser the crash-safety keys (heartbeat, retries, max_failures); the points to enqueue
        // are read against the space (ParamsParser).
        SpecMapping search = section.get().mapping().allowOnly(List.of("sampler", "trials", "seed", "timeout",
                "resolution", "parallel", "threads_per_worker", "isolation", "devices", "trials_per_device",
                "heartbeat", "retries", "max_failures", "enqueue"));
        String sampler = search.get("sampler").map(node -> node.oneOf("sampler", SearchSettings.SAMPLERS))
                .orElse(DEFAULTS.sampler());
        int trials = search.get("trials").map(node -> node.integerAtLeast(1)).orElse(DEFAULTS.trials());
        long seed = search.get("seed").map(SpecNode::wholeNumber).orElse(DEFAULTS.seed());
        Duration timeout = search.get("timeout").map(SearchSettingsParser::timeout).orElse(DEFAULTS.timeout());
        int resolution = search.get("resolution").map(node -> node.integerAtLeast(2)).orElse(DEFAULTS.gridResolution());
        return section.get().build(() -> new SearchSettings(sampler, trials, seed, timeout, resolution));
    }

    private static Duration timeout(SpecNode node) {
        String text = node.text();
        return DurationText.parse(text).orElseThrow(() ->
                node.fail("expected a duration such as 90s, 10m or 2h, got '" + text + "'"));
    }
}
