package io.tune4j.trainer.training;

import io.tune4j.search.study.Objective;
import io.tune4j.search.study.Trial;
import io.tune4j.search.study.TrialPrunedException;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.trainer.data.DatasetSplits;
import io.tune4j.trainer.data.Task;
import io.tune4j.trainer.network.BuiltNetwork;
import io.tune4j.trainer.network.DenseShorthand;
import io.tune4j.trainer.network.Hyperparameter;
import io.tune4j.trainer.network.NetworkContext;
import io.tune4j.trainer.network.NetworkDefinition;
import io.tune4j.trainer.pool.MemoryNeeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trial of a DL4J study: build the network from the params, train it epoch by epoch reporting the task's
 * metrics ({@link TaskMetrics}), stop early when declared, restore the best epoch's weights, save the model and
 * return the objective metric of that best epoch — so the stored value, the saved model and an export all agree.
 *
 * <p>With k-fold evaluation the trial gets one {@link DatasetSplits} per fold (and repeat) and trains one network
 * on each, in lockstep epoch by epoch: each epoch reports the mean over the folds of every metric, so pruning and
 * early stopping judge fold means; the value is the folds' mean at the best epoch, and attribute
 * {@code value_std} their standard deviation there. The model kept (and exported) is the first fold's, and the
 * {@code test_<m>} attributes are that model's on the test part.
 */
public final class Dl4jObjective implements Objective, MemoryNeeds {
    private final List<DatasetSplits> folds;
    private final NetworkDefinition definition;
    private final TrainingSpec training;
    private final String metric;
    private final Path modelDir;
    /** Per fold, the class weights of its training part; empty without class weights. */
    private final List<double[]> classWeights;

    /** A study of the dense shorthand (a space without a {@code network:} section). */
    public Dl4jObjective(DatasetSplits data, TrainingSpec training, String metric, Path modelDir) {
        this(data, new DenseShorthand(), training, metric, modelDir);
    }

    public Dl4jObjective(DatasetSplits data, NetworkDefinition network, TrainingSpec training, String metric,
                         Path modelDir) {
        this(List.of(data), network, training, metric, modelDir);
    }

    /**
     * {@code folds}: the splits each trial trains on, one network each (one element: a plain train/validation
     * split).
     *
     * @throws IllegalArgumentException when a metric or a class weight does not fit the data: checked here, not
     *     after the first epoch's training, since a typo must not cost a trial's worth of time
     */
    public Dl4jObjective(List<DatasetSplits> folds, NetworkDefinition network, TrainingSpec training, String metric,
                         Path modelDir) {
        if (folds.isEmpty()) throw new IllegalArgumentException("no data to train on: the list of folds is empty");
        Task task = folds.get(0).task();
        List<String> known = TaskMetrics.reported(task);
        if (!known.contains(metric)) {
            throw new IllegalArgumentException("unknown objective metric '" + metric + "' for a " + task.key()
                    + " study; known: " + String.join(", ", known));
        }
        EarlyStopping stopping = training.earlyStopping();
        if (stopping != null && !known.contains(stopping.monitor())) {
            throw new IllegalArgumentException("early stopping monitor '" + stopping.monitor() + "' is not a metric of a "
                    + task.key() + " study; known: " + String.join(", ", known));
        }
        this.folds = List.copyOf(folds);
        this.definition = network;
        this.training = training;
        this.metric = metric;
        this.modelDir = modelDir;
        this.classWeights = training.classWeights().map(weights -> {
            if (!task.classifies()) {
                throw new IllegalArgumentException(weights.origin() + ": class weights apply to classification, "
                        + "this study is a regression");
            }
            return folds.stream().map(fold -> weights.forClasses(fold.classNames(), fold.train().getLabels())).toList();
        }).orElse(List.of());
    }

    @Override
    public double evaluate(Trial given) throws IOException {
        long started = System.nanoTime();
        Trial trial = training.seed() == null ? given : new SeededTrial(given, training.seed());
        PreTrainingCheck.Estimate estimate = check(trial);
        List<FoldRun> runs = new ArrayList<>();
        try {
            for (int fold = 0; fold < folds.size(); fold++) runs.add(run(trial, estimate, fold));
            return train(trial, runs, started);
        } finally {
            runs.forEach(run -> run.network().close());
            Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
        }
    }

    private FoldRun run(Trial trial, PreTrainingCheck.Estimate estimate, int fold) {
        DatasetSplits data = folds.get(fold);
        // Every fold's network starts from the same weights, those the trial's seed gives one network alone.
        Nd4j.getRandom().setSeed(trial.seed());
        BuiltNetwork network = classWeights.isEmpty() ? estimate.network().copy()
                : estimate.network().withOutputLoss(loss -> ClassWeights.weigh(loss, classWeights.get(fold)));
        return new FoldRun(data, TrainableNetwork.of(network.create()), batchSize(trial), trial.seed(),
                Augmentation.of(trial.params()).forTrial(data.image(), trial.seed()));
    }

    /** The input every network of this study gets: images when the rows are images, flat features otherwise. */
    public static InputType inputOf(DatasetSplits data) {
        return data.image().map(i -> InputType.convolutionalFlat(i.height(), i.width(), i.channels()))
                .orElseGet(() -> InputType.feedForward(data.inputs()));
    }

    private NetworkContext context(long seed) {
        DatasetSplits data = folds.get(0);
        return new NetworkContext(inputOf(data), data.outputs(), seed, data.task());
    }

    /**
     * Builds and sizes the trial's network before anything is allocated; records its parameter count and
     * memory estimate, or fails the trial as infeasible (in milliseconds: no array exists yet).
     */
    private PreTrainingCheck.Estimate check(Trial trial) {
        long started = System.nanoTime();
        try {
            PreTrainingCheck.Estimate estimate = PreTrainingCheck.check(definition, trial.params(), context(trial.seed()),
                    batchSize(trial), MemoryBudget.perTrial());
            trial.setAttribute("n_params", String.valueOf(estimate.parameters()));
            trial.setAttribute("memory_bytes", String.valueOf(estimate.memoryBytes()));
            return estimate;
        } catch (InfeasibleNetworkException e) {
            trial.setAttribute(TrialRecord.INFEASIBLE, "true");
            throw e;
        } finally {
            // How long the check took: the figure behind "an infeasible network is refused in milliseconds".
            trial.setAttribute("check_ms", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e6));
        }
    }

    private static int batchSize(Trial trial) {
        return setting(trial, Hyperparameter.BATCH_SIZE, (Integer) Hyperparameter.BATCH_SIZE.defaultValue());
    }

    /**
     * The memory estimate of the trial's network, for placing it on a GPU before it runs; 0 for a network that
     * cannot be built (the trial then fails itself, with the reason, as soon as it starts). With k folds the
     * trial holds k such networks.
     */
    @Override
    public long trainingBytes(Map<String, Object> params) {
        Object batch = params.getOrDefault(Hyperparameter.BATCH_SIZE.key(), Hyperparameter.BATCH_SIZE.defaultValue());
        try {
            return folds.size() * PreTrainingCheck.check(definition, params, context(0), ((Number) batch).intValue(),
                    Long.MAX_VALUE).memoryBytes();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private double train(Trial trial, List<FoldRun> runs, long started) throws IOException {
        EarlyStopping earlyStopping = training.earlyStopping();
        // Without early stopping the best epoch is still restored, judged by the objective itself.
        BestEpochTracker tracker = earlyStopping == null
                ? new BestEpochTracker(metric, 0.0) : new BestEpochTracker(earlyStopping.monitor(), earlyStopping.minDelta());
        int epochs = setting(trial, Hyperparameter.EPOCHS, training.epochs());
        Duration limit = training.maxTrialTime();
        BooleanSupplier timeUp = limit == null ? () -> false : () -> System.nanoTime() - started - limit.toNanos() > 0;
        FoldRun first = runs.get(0);
        List<List<Map<String, Double>>> foldMetrics = new ArrayList<>();
        NetworkSnapshot bestEpoch = null;
        int epoch = 0;
        boolean stoppedEarly = false;
        boolean cut = false;
        while (epoch < epochs) {
            epoch++;
            int current = epoch;
            cut = !runs.stream().allMatch(run -> run.trainEpoch(current, timeUp));
            // A cut epoch is incomplete: it is dropped, unless no epoch completed, when it is all the trial has.
            if (cut && epoch > 1) {
                epoch--;
                break;
            }
            List<Map<String, Double>> perFold = runs.stream().map(FoldRun::metrics).toList();
            foldMetrics.add(perFold);
            EpochMetrics metrics = new EpochMetrics(epoch, mean(perFold));
            trial.report(epoch, metrics.asMap());
            if (trial.shouldPrune()) throw new TrialPrunedException(epoch);
            if (tracker.offer(metrics)) {
                if (bestEpoch != null) bestEpoch.close();
                bestEpoch = NetworkSnapshot.of(first.network());
            }
            if (cut) break;
            if (earlyStopping != null && tracker.exhausted(earlyStopping.patience()) && epoch < epochs) {
                stoppedEarly = true;
                break;
            }
        }
        bestEpoch.restoreInto(first.network());
        bestEpoch.close();
        EpochMetrics best = tracker.best();
        trial.setAttribute("best_epoch", String.valueOf(best.epoch()));
        trial.setAttribute("epochs_trained", String.valueOf(epoch));
        trial.setAttribute("stopped_early", String.valueOf(stoppedEarly));
        trial.setAttribute("cut_by_time", String.valueOf(cut));
        if (runs.size() > 1) {
            trial.setAttribute("folds", String.valueOf(runs.size()));
            trial.setAttribute("value_std", String.valueOf(deviation(foldMetrics.get(best.epoch() - 1), metric)));
        }
        DatasetSplits data = first.data();
        if (data.test().numExamples() > 0) {
            PartMetrics.of(first.network(), data.test(), data.task(), data.target())
                    .forEach((name, value) -> trial.setAttribute(TaskMetrics.TEST + name, String.valueOf(value)));
        }
        saveModel(first.network(), trial.number());
        trial.setAttribute("train_seconds", String.format(Locale.ROOT, "%.3f", (System.nanoTime() - started) / 1e9));
        return best.get(metric);
    }

    /** Each metric's mean over the folds. */
    static Map<String, Double> mean(List<Map<String, Double>> perFold) {
        Map<String, Double> mean = new LinkedHashMap<>();
        for (String name : perFold.get(0).keySet()) {
            mean.put(name, perFold.stream().mapToDouble(fold -> fold.get(name)).average().orElseThrow());
        }
        return mean;
    }

    /** The population standard deviation over the folds (numpy's {@code std}, which cross-validation reports use). */
    static double deviation(List<Map<String, Double>> perFold, String metric) {
        double mean = perFold.stream().mapToDouble(fold -> fold.get(metric)).average().orElseThrow();
        double squares = perFold.stream().mapToDouble(fold -> Math.pow(fold.get(metric) - mean, 2)).sum();
        return Math.sqrt(squares / perFold.size());
    }

    /** The trial's own value of a training setting, checked like a network param, or {@code otherwise}. */
    private static int setting(Trial trial, Hyperparameter hyperparameter, int otherwise) {
        if (!trial.has(hyperparameter.key())) return otherwise;
        Object value = trial.get(hyperparameter.key());
        hyperparameter.problemWith(value).ifPresent(problem -> {
            throw new IllegalArgumentException("param '" + hyperparameter.key() + "' = " + value + ": " + problem);
        });
        return ((Number) value).intValue();
    }

    private void saveModel(TrainableNetwork network, int trialNumber) throws IOException {
        Files.createDirectories(modelDir);
        // Written to a temporary name first: a crash mid-write must not leave a truncated model behind.
        Path target = ModelRetention.modelFile(modelDir, trialNumber);
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        ModelBundle.write(network.model(), partial, folds.get(0).preprocessing());
        Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
