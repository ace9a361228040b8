package io.tune4j.trainer.pool;

import java.util.OptionalLong;

/**
 * Where a worker trains a trial: a CPU slot or a GPU. The pool allocates devices to trials; binding one
 * prepares the calling (worker) thread to compute on it.
 */
public interface Device {

    /** How the device is recorded with the trial, e.g. {@code cpu:0} or {@code cuda:1}. */
    String name();

    /** Makes the current thread compute on this device; called on the worker thread before each trial. */
    void bind();

    /**
     * The memory trials may fill on this device, when it has its own (a GPU); empty for a CPU slot, whose trials
     * share the machine's memory and are sized against it before they train.
     */
    default OptionalLong memoryBytes() {
        return OptionalLong.empty();
    }
}
