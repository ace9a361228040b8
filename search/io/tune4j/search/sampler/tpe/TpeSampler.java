package io.tune4j.search.sampler.tpe;

import io.tune4j.search.sampler.Sampler;
import io.tune4j.search.sampler.SamplingContext;
import io.tune4j.search.sampler.SobolSampler;
import io.tune4j.search.sampler.TrialSeeds;
import io.tune4j.search.space.FixedParameter;
import io.tune4j.search.space.Parameter;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.study.TrialRecord;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Tree-structured Parzen estimator (Bergstra et al. 2011). The finished trials are split into good and bad;
 * a density l(x) is fitted to the good ones and g(x) to the bad ones; candidates are drawn from l and the one
 * with the highest l(x)/g(x) is suggested. Parameters are modelled group by group (see
 * {@link ParameterGroups}), parents before children, so a conditional branch is only modelled when taken.
 */
public final class TpeSampler implements Sampler {
    private final long seed;
    private final TpeOptions options;
    private final Sampler startup;

    /** Defaults, with a scrambled Sobol start-up (an even first look at the space, not random clumps). */
    public TpeSampler(long seed) {
        this(seed, TpeOptions.DEFAULTS, new SobolSampler(seed));
    }

    public TpeSampler(long seed, TpeOptions options, Sampler startup) {
        this.seed = seed;
        this.options = options;
        this.startup = startup;
    }

    @Override
    public Map<String, Object> suggest(SamplingContext context) {
        if (completed(context.finished()) < options.startupTrials()) return startup.suggest(context);
        SplittableRandom random = TrialSeeds.random(seed, context.trialNumber());
        GoodBadSplit split = GoodBadSplit.of(context.finished(), context.pending(), context.direction(),
                options.constantLiar());
        Map<String, Object> chosen = new HashMap<>();
        for (List<Parameter> group : ParameterGroups.of(context.space(), options.multivariate())) {
            if (!SearchSpace.isActive(group.get(0), chosen)) continue;
            chosen.putAll(suggestGroup(group, split, random));
        }
        return inSpaceOrder(context.space(), chosen);
    }

    private Map<String, Object> suggestGroup(List<Parameter> group, GoodBadSplit split, SplittableRandom random) {
        ParzenEstimator good = new ParzenEstimator(group, activeOnly(group, split.good()), options);
        ParzenEstimator bad = new ParzenEstimator(group, activeOnly(group, split.bad()), options);
        double[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < options.candidates(); i++) {
            double[] candidate = good.sample(random);
            double score = good.logDensity(candidate) - bad.logDensity(candidate);
            if (best == null || score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int d = 0; d < group.size(); d++) values.put(group.get(d).name(), good.valueOf(d, best[d]));
        return values;
    }

    private static List<Observation> activeOnly(List<Parameter> group, List<Observation> observations) {
        return observations.stream().filter(o -> ParameterGroups.activeIn(group, o.params())).toList();
    }

    private static Map<String, Object> inSpaceOrder(SearchSpace space, Map<String, Object> chosen) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (Parameter parameter : space.parameters()) {
            if (!SearchSpace.isActive(parameter, params)) continue;
            Object value = parameter instanceof FixedParameter fixed ? fixed.value() : chosen.get(parameter.name());
            params.put(parameter.name(), value);
        }
        return params;
    }

    private static int completed(List<TrialRecord> finished) {
        int count = 0;
        for (TrialRecord trial : finished) if (trial.valueIfComplete().isPresent()) count++;
        return count;
    }

    @Override
    public String name() {
        return options.multivariate() ? "tpe" : "tpe-independent";
    }

    @Override
    public long seed() {
        return seed;
    }
}
