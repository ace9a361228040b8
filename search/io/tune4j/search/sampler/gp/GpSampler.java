package io.tune4j.search.sampler.gp;

import io.tune4j.search.sampler.Sampler;
import io.tune4j.search.sampler.SamplingContext;
import io.tune4j.search.sampler.SobolSampler;
import io.tune4j.search.sampler.TrialSeeds;
import io.tune4j.search.space.Parameter;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.TrialRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bayesian optimization with a Gaussian process: a Matérn-5/2 GP is fitted to the completed trials (values
 * standardized, hyperparameters by maximum marginal likelihood), and the next trial is the point of greatest
 * log expected improvement. Trials still running enter the GP as if they had returned the worst value seen
 * (a constant liar), which drives their improvement to zero, so parallel trials never get the same point.
 */
public final class GpSampler implements Sampler {
    private final long seed;
    private final GpOptions options;
    private final Sampler startup;

    public GpSampler(long seed) {
        this(seed, GpOptions.DEFAULTS, new SobolSampler(seed));
    }

    public GpSampler(long seed, GpOptions options, Sampler startup) {
        this.seed = seed;
        this.options = options;
        this.startup = startup;
    }

    @Override
    public Map<String, Object> suggest(SamplingContext context) {
        List<TrialRecord> completed = context.finished().stream().filter(t -> t.valueIfComplete().isPresent()).toList();
        if (completed.size() < options.startupTrials()) return startup.suggest(context);
        SearchSpace space = context.space();
        InputEncoding encoding = new InputEncoding(space);
        Observations observations = Observations.of(fitted(completed, context.direction()), context.direction(),
                encoding);
        GaussianProcess fitted = new HyperparameterFit(observations.inputs(), observations.targets(),
                options.fitEvaluations()).fit();
        GaussianProcess process = withPending(fitted, observations, context.pending(), encoding);
        double best = observations.best();
        AcquisitionSearch search = new AcquisitionSearch(
                unit -> {
                    double[] posterior = process.posterior(encoding.encode(space.fromUnit(unit)));
                    return ExpectedImprovement.log(posterior[0], posterior[1], best);
                },
                space.dimensions(), TrialSeeds.random(seed, context.trialNumber()));
        return space.fromUnit(search.maximize(incumbents(space, completed, context.direction()),
                options.randomCandidates(), options.localSearches()));
    }

    /** The trials the GP learns from: all of them, or past maxHistory the best third and the most recent rest. */
    List<TrialRecord> fitted(List<TrialRecord> completed, Direction direction) {
        int limit = options.maxHistory();
        if (completed.size() <= limit) return completed;
        int best = limit / 3;
        Set<TrialRecord> kept = new LinkedHashSet<>(sortedBest(completed, direction).subList(0, best));
        for (int i = completed.size() - 1; kept.size() < limit; i--) kept.add(completed.get(i));
        return List.copyOf(kept);
    }

    private static List<TrialRecord> sortedBest(List<TrialRecord> completed, Direction direction) {
        Comparator<TrialRecord> better = Comparator.comparingDouble(TrialRecord::value);
        if (direction == Direction.MAXIMIZE) better = better.reversed();
        return completed.stream().sorted(better.thenComparingInt(TrialRecord::number)).toList();
    }

    /** The fitted GP with each running trial added at the worst value seen, on the same hyperparameters. */
    private static GaussianProcess withPending(GaussianProcess fitted, Observations observations,
                                               List<Map<String, Object>> pending, InputEncoding encoding) {
        if (pending.isEmpty()) return fitted;
        List<double[]> inputs = new ArrayList<>(List.of(observations.inputs()));
        List<Double> targets = new ArrayList<>();
        for (double y : observations.targets()) targets.add(y);
        for (Map<String, Object> params : pending) {
            inputs.add(encoding.encode(params));
            targets.add(observations.worst());
        }
        return new GaussianProcess(inputs.toArray(double[][]::new),
                targets.stream().mapToDouble(Double::doubleValue).toArray(), fitted.kernel(), fitted.noise());
    }

    /** The unit points of the best few trials, where local search is most likely to pay. */
    private static List<double[]> incumbents(SearchSpace space, List<TrialRecord> completed, Direction direction) {
        return sortedBest(completed, direction).stream().limit(4).map(t -> unitPoint(space, t.params())).toList();
    }

    private static double[] unitPoint(SearchSpace space, Map<String, Object> params) {
        double[] point = new double[space.dimensions()];
        for (int i = 0; i < point.length; i++) {
            Parameter parameter = space.parameters().get(i);
            Object value = params.get(parameter.name());
            boolean present = SearchSpace.isActive(parameter, params) && parameter.contains(value);
            point[i] = present ? parameter.toUnit(value) : 0.5;
        }
        return point;
    }
}
