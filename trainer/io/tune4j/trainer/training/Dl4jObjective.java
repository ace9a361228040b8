package io.tune4j.trainer.training;

import io.tune4j.search.study.Objective;
import io.tune4j.search.study.Trial;
import io.tune4j.search.study.TrialPrunedException;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.trainer.data.DatasetSplits;
import io.tune4j.trainer.network.DenseShorthand;
import io.tune4j.trainer.network.Hyperparameter;
import io.tune4j.trainer.network.NetworkContext;
import io.tune4j.trainer.network.NetworkDefinition;
import io.tune4j.trainer.pool.MemoryNeeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trial of a DL4J study: build the network from the params, train it epoch by epoch reporting
 * train_loss, val_loss and val_accuracy, stop early when declared, restore the best epoch's weights, save
 * the model and return the objective metric of that best epoch — so the stored value, the saved model and
 * an export all agree.
 */
public final class Dl4jObjective implements Objective, MemoryNeeds {
    private final DatasetSplits data;
    private final NetworkDefinition definition;
    private final TrainingSpec training;
    private final String metric;
    private final Path modelDir;

    /** A study of the dense shorthand (a space without a {@code network:} section). */
    public Dl4jObjective(DatasetSplits data, TrainingSpec training, String metric, Path modelDir) {
        this(data, new DenseShorthand(), training, metric, modelDir);
    }

    public Dl4jObjective(DatasetSplits data, NetworkDefinition network, TrainingSpec training, String metric,
                         Path modelDir) {
        // Checked here, not after the first epoch's training: a typo must not cost a trial's worth of time.
        if (!EarlyStopping.METRICS.contains(metric)) {
            throw new IllegalArgumentException("unknown objective metric '" + metric + "'; known: "
                    + String.join(", ", EarlyStopping.METRICS));
        }
        this.data = data;
        this.definition = network;
        this.training = training;
        this.metric = metric;
        this.modelDir = modelDir;
    }

    @Override
    public double evaluate(Trial given) throws IOException {
        long started = System.nanoTime();
        Trial trial = training.seed() == null ? given : new SeededTrial(given, training.seed());
        Nd4j.getRandom().setSeed(trial.seed());
        PreTrainingCheck.Estimate estimate = check(trial);
        TrainableNetwork model = TrainableNetwork.of(estimate.network().create());
        try {
            return train(trial, model, started);
        } finally {
            release(model);
        }
    }

    /** The input every network of this study gets: images when the rows are images, flat features otherwise. */
    public static InputType inputOf(DatasetSplits data) {
        return data.image().map(i -> InputType.convolutionalFlat(i.height(), i.width(), i.channels()))
                .orElseGet(() -> InputType.feedForward(data.inputs()));
    }

    /**
     * Builds and sizes the trial's network before anything is allocated; records its parameter count and
     * memory estimate, or fails the trial as infeasible (in milliseconds: no array exists yet).
     */
    private PreTrainingCheck.Estimate check(Trial trial) {
        NetworkContext context = new NetworkContext(inputOf(data), data.outputs(), trial.seed(), data.task());
        long started = System.nanoTime();
        try {
            PreTrainingCheck.Estimate estimate = PreTrainingCheck.check(definition, trial.params(), context,
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
     * cannot be built (the trial then fails itself, with the reason, as soon as it starts).
     */
    @Override
    public long trainingBytes(Map<String, Object> params) {
        Object batch = params.getOrDefault(Hyperparameter.BATCH_SIZE.key(), Hyperparameter.BATCH_SIZE.defaultValue());
        try {
            return PreTrainingCheck.check(definition, params, new NetworkContext(inputOf(data), data.outputs(), 0, data.task()),
                    ((Number) batch).intValue(), Long.MAX_VALUE).memoryBytes();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /**
     * Frees the trial's native memory now rather than whenever the garbage collector gets to it: with a
     * large heap that can be many trials later, and the process grows meanwhile. The thread's workspaces
     * go too, since the next trial's network may be of another size.
     */
    private static void release(TrainableNetwork network) {
        network.close();
        Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
    }

    private double train(Trial trial, TrainableNetwork network, long started) throws IOException {
        EarlyStopping earlyStopping = training.earlyStopping();
        // Without early stopping the best epoch is still restored, judged by the objective itself.
        BestEpochTracker tracker = earlyStopping == null
                ? new BestEpochTracker(metric, 0.0) : new BestEpochTracker(earlyStopping.monitor(), earlyStopping.minDelta());
        int epochs = setting(trial, Hyperparameter.EPOCHS, training.epochs());
        ShuffledBatches batches = new ShuffledBatches(data.train(), batchSize(trial), trial.seed());
        UnaryOperator<DataSet> augmentation =
                Augmentation.of(trial.params()).forTrial(data.image(), trial.seed());

        NetworkSnapshot bestEpoch = null;
        int epoch = 0;
        boolean stoppedEarly = false;
        while (epoch < epochs) {
            epoch++;
            double trainLoss = trainOneEpoch(network, batches, augmentation);
            // fit(DataSet) counts iterations but not epochs (only fit(iterator) does): without this, lr
            // schedules by epoch would never decay.
            network.incrementEpochCount();
            if (!Double.isFinite(trainLoss)) {
                throw new TrialDivergedException("diverged at epoch " + epoch + ": training loss is " + trainLoss);
            }
            EpochMetrics metrics = new EpochMetrics(epoch, trainLoss, network.score(data.validation()),
                    Accuracy.of(network, data.validation()));
            trial.report(epoch, metrics.asMap());
            if (trial.shouldPrune()) throw new TrialPrunedException(epoch);
            if (tracker.offer(metrics)) {
                if (bestEpoch != null) bestEpoch.close();
                bestEpoch = NetworkSnapshot.of(network);
            }
            if (earlyStopping != null && tracker.exhausted(earlyStopping.patience()) && epoch < epochs) {
                stoppedEarly = true;
                break;
            }
        }
        bestEpoch.restoreInto(network);
        bestEpoch.close();
        EpochMetrics best = tracker.best();
        trial.setAttribute("best_epoch", String.valueOf(best.epoch()));
        trial.setAttribute("epochs_trained", String.valueOf(epoch));
        trial.setAttribute("stopped_early", String.valueOf(stoppedEarly));
        if (data.test().numExamples() > 0) {
            trial.setAttribute("test_accuracy", String.valueOf(Accuracy.of(network, data.test())));
        }
        saveModel(network, trial.number());
        trial.setAttribute("train_seconds", String.format(Locale.ROOT, "%.3f", (System.nanoTime() - started) / 1e9));
        return best.get(metric);
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

    /**
     * One pass over the training part in a freshly shuffled order; returns the mean mini-batch loss, or the
     * first loss that is not a finite number: a diverged network cannot recover, so the rest of the epoch
     * would only waste time (a whole MNIST epoch of it, with too high a learning rate).
     */
    private static double trainOneEpoch(TrainableNetwork network, ShuffledBatches batches,
                                        UnaryOperator<DataSet> augmentation) {
        double lossSum = 0;
        int examples = 0;
        for (Iterator<DataSet> epoch = batches.nextEpoch(); epoch.hasNext(); ) {
            DataSet batch = augmentation.apply(epoch.next());
            network.fit(batch);
            double loss = network.score();
            if (!Double.isFinite(loss)) return loss;
            lossSum += loss * batch.numExamples();
            examples += batch.numExamples();
        }
        return lossSum / examples;
    }

    private void saveModel(TrainableNetwork network, int trialNumber) throws IOException {
        Files.createDirectories(modelDir);
        // Written to a temporary name first: a crash mid-write must not leave a truncated model behind.
        Path target = ModelRetention.modelFile(modelDir, trialNumber);
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        ModelSerializer.writeModel(network.model(), partial.toFile(), true);
        Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
