package io.tune4j.trainer.network;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The network-wide settings that decide how fast a trial trains, in one place, each with what it measured
 * ({@code tune4j bench train} and README "Training speed" have the whole picture).
 * They are DL4J's defaults today; written out so that a change of default, or of our mind, shows here.
 * Figures: CPU seconds of the training thread per MNIST epoch (784-256-10 MLP, batch 64, Adam, one BLAS
 * thread), epochs alternated between the two settings in one JVM, on the shared 2-core build machine.
 */
public final class TrainingPerformance {
    private TrainingPerformance() {}

    public static NeuralNetConfiguration.Builder apply(NeuralNetConfiguration.Builder builder) {
        return builder
                // Workspaces reuse the activations' and gradients' memory from one batch to the next:
                // 3.8-3.9 s per epoch with them, 4.0-4.6 s with WorkspaceMode.NONE.
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                // Single precision, as Keras and our datasets (FLOAT features) use. Not measured: DOUBLE would
                // convert every batch and double the bytes every op streams through.
                .dataType(DataType.FLOAT);
    }
}
