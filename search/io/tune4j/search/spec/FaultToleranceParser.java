package io.tune4j.search.spec;

import io.tune4j.search.study.FaultTolerance;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads the crash-safety keys of the {@code search:} section: {@code heartbeat: {interval: 10s, grace: 60s},
 * retries: 2, max_failures: 5}, every one optional (FaultTolerance.DEFAULTS). The section's other keys are
 * SearchSettingsParser's and PoolSettingsParser's.
 */
public final class FaultToleranceParser {
    private FaultToleranceParser() {}

    public static FaultTolerance parse(Optional<SpecNode> section) {
        FaultTolerance defaults = FaultTolerance.DEFAULTS;
        if (section.isEmpty()) return defaults;
        SpecMapping search = section.get().mapping();
        Optional<SpecNode> heartbeatNode = search.get("heartbeat");
        Optional<SpecMapping> heartbeat = heartbeatNode.map(node -> node.mapping().allowOnly(List.of("interval", "grace")));
        Duration interval = heartbeat.flatMap(h -> h.get("interval")).map(FaultToleranceParser::duration)
                .orElse(defaults.heartbeatInterval());
        Optional<SpecNode> graceNode = heartbeat.flatMap(h -> h.get("grace"));
        Duration grace = graceNode.map(FaultToleranceParser::duration).orElse(defaults.heartbeatGrace());
        int retries = search.get("retries").map(node -> node.integerAtLeast(0)).orElse(defaults.retries());
        int maxFailures = search.get("max_failures").map(node -> node.integerAtLeast(1)).orElse(defaults.maxFailures());
        // A grace too short for the interval is the grace's mistake when it is written, else the interval's.
        SpecNode where = graceNode.or(() -> heartbeat.flatMap(h -> h.get("interval"))).orElse(section.get());
        return where.build(() -> new FaultTolerance(interval, grace, retries, maxFailures));
    }

    private static Duration duration(SpecNode node) {
        String text = node.text();
        return DurationText.parse(text).orElseThrow(() ->
                node.fail("expected a duration such as 10s, 2m or 1h, got '" + text + "'"));
    }
}
