package io.tune4j.search.sampler.tpe;

/**
 * How the TPE sampler behaves.
 *
 * @param startupTrials finished trials drawn by the start-up sampler before the model takes over
 * @param candidates    points drawn from the good density per suggestion; the best ratio good/bad wins
 * @param multivariate  joint kernels over the parameters that are active together (else one density per
 *                      parameter): it captures interactions, and measured better on every test function
 * @param priorWeight   weight of the flat prior component in each density, which keeps every region reachable
 * @param constantLiar  count running trials as bad observations, so parallel trials spread out
 */
public record TpeOptions(int startupTrials, int candidates, boolean multivariate, double priorWeight,
                         boolean constantLiar) {
    public static final TpeOptions DEFAULTS = new TpeOptions(10, 24, true, 1.0, true);

    public TpeOptions {
        if (startupTrials < 1) throw new IllegalArgumentException("startup trials must be >= 1, got " + startupTrials);
        if (candidates < 1) throw new IllegalArgumentException("candidates must be >= 1, got " + candidates);
        if (!(priorWeight > 0)) throw new IllegalArgumentException("prior weight must be > 0, got " + priorWeight);
    }

    public TpeOptions withMultivariate(boolean on) {
        return new TpeOptions(startupTrials, candidates, on, priorWeight, constantLiar);
    }

    public TpeOptions withStartupTrials(int trials) {
        return new TpeOptions(trials, candidates, multivariate, priorWeight, constantLiar);
    }
}
