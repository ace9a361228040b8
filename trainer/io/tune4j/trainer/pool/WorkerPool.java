package io.tune4j.trainer.pool;

import io.tune4j.search.study.Objective;
import io.tune4j.search.study.Trial;
import java.util.concurrent.CompletableFuture;

/**
 * Runs trials on {@code workers} threads of this JVM, each trial on a device from the allocator, bound to the
 * worker thread before the objective runs and recorded with the trial. Each trial builds its own network,
 * so workers share nothing but the data set (read-only).
 */
public final class WorkerPool implements TrialPool {
    private final DeviceWorkers workers;

    public WorkerPool(int workers, DeviceAllocator allocator) {
        this.workers = new DeviceWorkers(workers, allocator, "tune4j-worker");
    }

    @Override
    public int slots() {
        return workers.slots();
    }

    @Override
    public CompletableFuture<Double> start(Trial trial, Objective objective) {
        long bytes = objective instanceof MemoryNeeds needs ? needs.trainingBytes(trial.params()) : 0;
        return workers.start(trial, bytes, device -> {
            device.bind();
            return objective.evaluate(trial);
        });
    }

    @Override
    public void close() {
        workers.stop(10);
    }
}
