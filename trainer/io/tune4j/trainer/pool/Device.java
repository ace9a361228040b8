package io.tune4j.trainer.pool;

/**
 * Where a worker trains a trial: a CPU slot or a GPU. The pool allocates devices to trials; binding one
 * prepares the calling (worker) thread to compute on it.
 */
public interface Device {

    /** How the device is recorded with the trial, e.g. {@code cpu:0} or {@code cuda:1}. */
    String name();

    /** Makes the current thread compute on this device; called on the worker thread before each trial. */
    void bind();
}
