package io.tune4j.search.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code pruner: {type, min_epochs, reduction_factor, max_epochs, warmup_trials, warmup_epochs}}. A key
 * that the chosen type ignores is refused rather than silently dropped (e.g. warmup_trials under asha).
 */
public final class PrunerParser {
    private static final Map<String, List<String>> KEYS = Map.of(
            "none", List.of("type"),
            "median", List.of("type", "warmup_trials", "warmup_epochs"),
            "asha", List.of("type", "min_epochs", "reduction_factor"),
            "hyperband", List.of("type", "min_epochs", "max_epochs", "reduction_factor"));

    private PrunerParser() {}

    public static PrunerSettings parse(Optional<SpecNode> section) {
        if (section.isEmpty()) return PrunerSettings.NONE;
        SpecMapping pruner = section.get().mapping();
        String type = pruner.require("type").oneOf("pruner type", PrunerSettings.TYPES);
        pruner.allowOnly(KEYS.get(type));
        PrunerSettings defaults = PrunerSettings.NONE;
        int minEpochs = pruner.get("min_epochs").map(node -> node.integerAtLeast(1)).orElse(defaults.minEpochs());
        int factor = pruner.get("reduction_factor").map(node -> node.integerAtLeast(2))
                .orElse(defaults.reductionFactor());
        Integer maxEpochs = pruner.get("max_epochs").map(node -> {
            int max = node.integerAtLeast(1);
            if (max < minEpochs) throw node.fail("must be at least min_epochs (" + minEpochs + "), got " + max);
            return max;
        }).orElse(null);
        int warmupTrials = pruner.get("warmup_trials").map(node -> node.integerAtLeast(0))
                .orElse(defaults.warmupTrials());
        int warmupEpochs = pruner.get("warmup_epochs").map(node -> node.integerAtLeast(0))
                .orElse(defaults.warmupEpochs());
        return section.get().build(() ->
                new PrunerSettings(type, minEpochs, factor, maxEpochs, warmupTrials, warmupEpochs));
    }
}
