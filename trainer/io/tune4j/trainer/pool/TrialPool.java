package io.tune4j.trainer.pool;

import io.tune4j.search.study.TrialRunner;

/** A trial runner with workers to stop when the study is done (threads, or child processes to kill). */
public interface TrialPool extends TrialRunner, AutoCloseable {

    @Override
    void close();

    /**
     * The pool {@code settings} describe. With process isolation each trial's objective is built in its child
     * JVM by {@code factory} from {@code payload}; in-process pools run the objective handed to them.
     */
    static TrialPool of(PoolSettings settings, Class<? extends ObjectiveFactory> factory, String payload) {
        return switch (settings.isolation()) {
            case THREAD -> new WorkerPool(settings.parallel(), settings.allocator());
            case PROCESS -> new ProcessPool(settings.parallel(), settings.allocator(), factory, payload);
        };
    }
}
