package io.tune4j.search.pruner;

import io.tune4j.search.spec.PrunerSettings;

/** The pruner a {@code pruner:} section names. */
public final class PrunerFactory {
    private PrunerFactory() {}

    /**
     * {@code trainingEpochs} is the most epochs a trial trains, Hyperband's top rung unless the settings give
     * max_epochs; {@code seed} (the study's) places trials in Hyperband's brackets.
     */
    public static Pruner create(PrunerSettings settings, int trainingEpochs, long seed) {
        return switch (settings.type()) {
            case "none" -> new NopPruner();
            case "median" -> new MedianPruner(settings.warmupTrials(), settings.warmupEpochs());
            case "asha" -> new SuccessiveHalvingPruner(settings.minEpochs(), settings.reductionFactor());
            case "hyperband" -> new HyperbandPruner(settings.minEpochs(),
                    settings.maxEpochs() == null ? Math.max(trainingEpochs, settings.minEpochs()) : settings.maxEpochs(),
                    settings.reductionFactor(), seed);
            default -> throw new IllegalArgumentException("unknown pruner '" + settings.type() + "'");
        };
    }
}
