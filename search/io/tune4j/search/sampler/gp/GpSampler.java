package io.tune4j.search.sampler.gp;

import io.tune4j.search.sampler.SobolSampler;
import io.tune4j.search.sampler.TrialSeeds;
import io.tune4j.search.sampler.Sampler;
import io.tune4j.search.sampler.SamplingContext;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.study.TrialRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * Gaussian-process Bayesian optimization: a Matérn-5/2 GP with one length scale per parameter, fitted by
 * maximum a posteriori marginal likelihood, models the standardized objective over the unit cube of the
 * space; the next trial maximizes log expected improvement. The first {@link GpOptions#startupTrials()}
 * completed trials come from the start-up sampler.
 *
 * <p>Trials still running enter the model as constant-liar observations at the best value seen so far: the
 * model then expects no improvement where a running trial already looks, so parallel workers spread out,
 * while the hyperparameters are fitted on real observations only. A suggestion equal to a finished or running
 * trial's params (possible after integers and choices are rounded) is skipped for the next best point.
 *
 * <p>Reproducible: the candidates come from a generator seeded by the seed and the trial number, and the
 * hyperparameter fit starts from the previous call's fit, so the same seed, space and sequence of histories
 * give the same suggestions.
 */
public final class GpSampler implements Sampler {
    /** How many of the best trials seed the candidates scattered around incumbents. */
    private static final int INCUMBENTS = 3;
    private static final int COLD_FIT_ITERATIONS = 200;
    private static final int WARM_FIT_ITERATIONS = 50;

    private final long seed;
    private final GpOptions options;
    private final Sampler startup;
    private SearchSpace fittedSpace;
    private KernelParameters lastFit;

    /** Default options, with a scrambled Sobol start-up (as TPE's: an even first look at the space). */
    public GpSampler(long seed) {
        this(seed, GpOptions.defaults(), new SobolSampler(seed));
    }

    public GpSampler(long seed, GpOptions options, Sampler startup) {
        this.seed = seed;
        this.options = options;
        this.startup = startup;
    }

    @Override
    public synchronized Map<String, Object> suggest(SamplingContext context) {
        SearchSpace space = context.space();
        InputEncoding encoding = new InputEncoding(space);
        if (encoding.groups() == 0) return startup.suggest(context);
        TrainingData data = TrainingData.of(context, encoding, options.maxObservations());
        if (data.size() < options.startupTrials()) return startup.suggest(context);

        Matern52Kernel kernel = new Matern52Kernel(encoding.groupOfFeature());
        KernelParameters fitted = fit(space, kernel, encoding, data);
        GaussianProcess gp;
        try {
            gp = withPendingLies(kernel, fitted, data, encoding, context.pending());
        } catch (MathIllegalArgumentException notPositiveDefinite) {
            // Only possible with degenerate data (many running trials on top of each other and of finished
            // ones): a start-up suggestion keeps the study going where a failed trial would help nobody.
            return startup.suggest(context);
        }
        double best = data.targets()[data.bestIndex()];
        Acquisition acquisition = new Acquisition(gp, encoding, best);

        SplittableRandom random = TrialSeeds.random(seed, context.trialNumber());
        AcquisitionOptimizer optimizer = new AcquisitionOptimizer(encoding, options.candidates(), options.localSearches());
        Set<Map<String, Object>> taken = taken(context);
        for (double[] point : optimizer.maximize(acquisition, incumbents(data, encoding), random)) {
            Map<String, Object> params = space.fromUnit(point);
            if (!taken.contains(params)) return params;
        }
        return startup.suggest(context);
    }

    private KernelParameters fit(SearchSpace space, Matern52Kernel kernel, InputEncoding encoding, TrainingData data) {
        boolean warm = space == fittedSpace && lastFit != null && lastFit.groups() == encoding.groups();
        HyperparameterFitter fitter = new HyperparameterFitter(kernel, encoding.groups(),
                options.deterministicObjective(), warm ? WARM_FIT_ITERATIONS : COLD_FIT_ITERATIONS);
        KernelParameters fitted = fitter.fit(data.inputs(), data.targets(), warm ? lastFit : fitter.initial());
        fittedSpace = space;
        lastFit = fitted;
        return fitted;
    }

    /** The posterior with every running trial observed at the best value so far (the constant liar). */
    private static GaussianProcess withPendingLies(Matern52Kernel kernel, KernelParameters parameters,
                                                   TrainingData data, InputEncoding encoding,
                                                   List<Map<String, Object>> pending) {
        int n = data.size();
        double[][] inputs = Arrays.copyOf(data.inputs(), n + pending.size());
        double[] targets = Arrays.copyOf(data.targets(), n + pending.size());
        double lie = data.targets()[data.bestIndex()];
        int count = n;
        for (Map<String, Object> running : pending) {
            if (encoding.space().violation(running).isPresent()) continue;
            inputs[count] = encoding.encode(running);
            targets[count++] = lie;
        }
        return new GaussianProcess(kernel, parameters, Arrays.copyOf(inputs, count), Arrays.copyOf(targets, count));
    }

    private static List<double[]> incumbents(TrainingData data, InputEncoding encoding) {
        Integer[] order = new Integer[data.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        double[] targets = data.targets();
        Arrays.sort(order, (a, b) -> Double.compare(targets[a], targets[b]));
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < Math.min(INCUMBENTS, order.length); i++) {
            points.add(encoding.searchPoint(data.params().get(order[i])));
        }
        return points;
    }

    private static Set<Map<String, Object>> taken(SamplingContext context) {
        Set<Map<String, Object>> taken = new HashSet<>(context.pending());
        for (TrialRecord trial : context.finished()) taken.add(trial.params());
        return taken;
    }

    @Override
    public String name() {
        return "gp";
    }

    @Override
    public long seed() {
        return seed;
    }
}
