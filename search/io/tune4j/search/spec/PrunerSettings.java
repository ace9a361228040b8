package io.tune4j.search.spec;

import java.util.List;

/**
 * The {@code pruner:} section: which pruner and its settings. {@code maxEpochs} is null when the section does
 * not set it (Hyperband then uses the training's epochs).
 */
public record PrunerSettings(String type, int minEpochs, int reductionFactor, Integer maxEpochs, int warmupTrials,
                             int warmupEpochs) {
    public static final List<String> TYPES = List.of("none", "median", "asha", "hyperband");
    public static final PrunerSettings NONE = new PrunerSettings("none", 2, 3, null, 5, 0);

    public PrunerSettings {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown pruner '" + type + "'; known: " + String.join(", ", TYPES));
        }
    }

    /** The same settings for another pruner type, e.g. from {@code bench pruners --pruners}. */
    public PrunerSettings withType(String otherType) {
        return new PrunerSettings(otherType, minEpochs, reductionFactor, maxEpochs, warmupTrials, warmupEpochs);
    }
}
