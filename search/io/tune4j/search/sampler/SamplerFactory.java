package io.tune4j.search.sampler;

import io.tune4j.search.sampler.gp.GpSampler;
import io.tune4j.search.sampler.tpe.TpeOptions;
import io.tune4j.search.sampler.tpe.TpeSampler;
import io.tune4j.search.spec.SearchSettings;

/** The sampler a {@code search:} section names. */
public final class SamplerFactory {
    private SamplerFactory() {}

    public static Sampler create(SearchSettings settings) {
        return switch (settings.sampler()) {
            case "random" -> new RandomSampler(settings.seed());
            case "grid" -> new GridSampler(settings.gridResolution(), settings.seed());
            case "sobol" -> new SobolSampler(settings.seed());
            case "tpe" -> new TpeSampler(settings.seed());
            case "tpe-independent" -> new TpeSampler(settings.seed(), TpeOptions.DEFAULTS.withMultivariate(false),
                    new SobolSampler(settings.seed()));
            case "gp" -> new GpSampler(settings.seed());
            case "genetic" -> new GeneticSampler(settings.seed());
            default -> throw new IllegalArgumentException("unknown sampler '" + settings.sampler() + "'");
        };
    }
}
