package io.tune4j.trainer.training;

import io.tune4j.search.study.Objective;
import io.tune4j.search.study.Trial;
import io.tune4j.search.study.TrialPrunedException;
import io.tune4j.trainer.data.DatasetSplits;
import io.tune4j.trainer.network.Hyperparameter;
import io.tune4j.trainer.network.NetworkFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trial of a DL4J study: build the network from the params, train it epoch by epoch reporting
 * train_loss, val_loss and val_accuracy, stop early when declared, restore the best epoch's weights, save
 * the model and return the objective metric of that best epoch — so the stored value, the saved model and
 * an export all agree.
 */
public final class Dl4jObjective implements Objective {
    private final DatasetSplits data;
    private final TrainingSpec training;
    private final String metric;
    private final Path modelDir;

    public Dl4jObjective(DatasetSplits data, TrainingSpec training, String metric, Path modelDir) {
        // Checked here, not after the first epoch's training: a typo must not cost a trial's worth of time.
        if (!EarlyStopping.METRICS.contains(metric)) {
            throw new IllegalArgumentException("unknown objective metric '" + metric + "'; known: "
                    + String.join(", ", EarlyStopping.METRICS));
        }
        this.data = data;
        this.training = training;
        this.metric = metric;
        this.modelDir = modelDir;
    }

    @Override
    public double evaluate(Trial trial) throws IOException {
        long started = System.nanoTime();
        Nd4j.getRandom().setSeed(trial.seed());
        MultiLayerNetwork network = new MultiLayerNetwork(
                NetworkFactory.build(trial.params(), data.inputs(), data.classes(), trial.seed()));
        network.init();
        try {
            return train(trial, network, started);
        } finally {
            release(network);
        }
    }

    /**
     * Frees the trial's native memory now rather than whenever the garbage collector gets to it: with a
     * large heap that can be many trials later, and the process grows meanwhile. The thread's workspaces
     * go too, since the next trial's network may be of another size.
     */
    private static void release(MultiLayerNetwork network) {
        network.close();
        Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
    }

    private double train(Trial trial, MultiLayerNetwork network, long started) throws IOException {
        EarlyStopping earlyStopping = training.earlyStopping();
        // Without early stopping the best epoch is still restored, judged by the objective itself.
        BestEpochTracker tracker = earlyStopping == null
                ? new BestEpochTracker(metric, 0.0) : new BestEpochTracker(earlyStopping.monitor(), earlyStopping.minDelta());
        int epochs = setting(trial, Hyperparameter.EPOCHS, training.epochs());
        ShuffledBatches batches = new ShuffledBatches(data.train(),
                setting(trial, Hyperparameter.BATCH_SIZE, (Integer) Hyperparameter.BATCH_SIZE.defaultValue()), trial.seed());
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
            EpochMetrics metrics = new EpochMetrics(epoch, trainLoss, network.score(data.validation(), false),
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
    private static double trainOneEpoch(MultiLayerNetwork network, ShuffledBatches batches,
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

    private void saveModel(MultiLayerNetwork network, int trialNumber) throws IOException {
        Files.createDirectories(modelDir);
        // Written to a temporary name first: a crash mid-write must not leave a truncated model behind.
        Path target = ModelRetention.modelFile(modelDir, trialNumber);
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        ModelSerializer.writeModel(network, partial.toFile(), true);
        Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
