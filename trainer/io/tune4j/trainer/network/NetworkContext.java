package io.tune4j.trainer.network;

import io.tune4j.trainer.data.Task;
import org.deeplearning4j.nn.conf.inputs.InputType;

/**
 * What a network is built for: {@code input} is DL4J's description of one example ({@code feedForward(n)} for a
 * table, {@code convolutionalFlat(h, w, c)} for images, whose rows arrive flattened), {@code outputs} the number of
 * classes (1 for regression), {@code seed} the trial's seed (set it on the configuration so the trial retrains
 * identically), {@code task} what the output layer must do: softmax over the classes, or a regression value.
 */
public record NetworkContext(InputType input, int outputs, long seed, Task task) {

    /** A classifier's context. */
    public NetworkContext(InputType input, int outputs, long seed) {
        this(input, outputs, seed, Task.CLASSIFICATION);
    }
}
