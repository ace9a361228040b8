package io.tune4j.trainer.training;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * What the training loop needs of a network, for both DL4J kinds: a {@link MultiLayerNetwork} or a
 * {@link ComputationGraph} with one input and one output. DL4J gives the two the same methods without a common
 * interface for them.
 */
public sealed interface TrainableNetwork {

    static TrainableNetwork of(Model model) {
        if (model instanceof MultiLayerNetwork layers) return new Layers(layers);
        if (model instanceof ComputationGraph graph) {
            if (graph.getNumInputArrays() != 1 || graph.getNumOutputArrays() != 1) {
                throw new IllegalArgumentException("a network graph must have one input and one output, this one has "
                        + graph.getNumInputArrays() + " and " + graph.getNumOutputArrays());
            }
            return new Graph(graph);
        }
        throw new IllegalArgumentException("not a trainable DL4J network: " + model.getClass().getName());
    }

    Model model();

    void fit(DataSet batch);

    /** The loss of the last fitted batch. */
    double score();

    /**
     * The data loss on {@code data}, per example, in inference mode (no dropout) and without the L1/L2 penalty,
     * which {@code score(DataSet)} would add: a regularized trial's loss must compare with an unregularized one's.
     */
    INDArray lossPerExample(DataSet data);

    INDArray output(INDArray features);

    INDArray updaterState();

    int iterationCount();

    int epochCount();

    void setCounts(int iterations, int epochs);

    /** fit(DataSet) counts iterations but not epochs (only fitting an iterator does). */
    void incrementEpochCount();

    default void close() {
        model().close();
    }

    record Layers(MultiLayerNetwork model) implements TrainableNetwork {
        public void fit(DataSet batch) { model.fit(batch); }
        public double score() { return model.score(); }
        public INDArray lossPerExample(DataSet data) { return model.scoreExamples(data, false); }
        public INDArray output(INDArray features) { return model.output(features, false); }
        public INDArray updaterState() { return model.getUpdater().getStateViewArray(); }
        public int iterationCount() { return model.getIterationCount(); }
        public int epochCount() { return model.getEpochCount(); }

        public void setCounts(int iterations, int epochs) {
            model.setIterationCount(iterations);
            model.setEpochCount(epochs);
        }

        @Override
        public void incrementEpochCount() {
            model.incrementEpochCount();
        }
    }

    record Graph(ComputationGraph model) implements TrainableNetwork {
        public void fit(DataSet batch) { model.fit(batch); }
        public double score() { return model.score(); }
        public INDArray lossPerExample(DataSet data) { return model.scoreExamples(data, false); }
        public INDArray output(INDArray features) { return model.outputSingle(false, features); }
        public INDArray updaterState() { return model.getUpdater().getStateViewArray(); }
        public int iterationCount() { return model.getIterationCount(); }
        public int epochCount() { return model.getEpochCount(); }

        /** A graph keeps its counts in its configuration, and copies them to its layers when it next fits. */
        public void setCounts(int iterations, int epochs) {
            model.getConfiguration().setIterationCount(iterations);
            model.getConfiguration().setEpochCount(epochs);
        }

        @Override
        public void incrementEpochCount() {
            model.incrementEpochCount();
        }
    }
}
