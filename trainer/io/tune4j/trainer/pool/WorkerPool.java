package io.tune4j.trainer.pool;

import io.tune4j.search.study.Objective;
import io.tune4j.search.study.Trial;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs trials on {@code workers} threads of this JVM, each trial on a device from the allocator, bound to the
 * worker thread before the objective runs and recorded with the trial. Each trial builds its own network,
 * so workers share nothing but the data set (read-only).
 */
public final class WorkerPool implements TrialPool {
    private final int workers;
    private final DeviceAllocator allocator;
    private final ExecutorService executor;

    public WorkerPool(int workers, DeviceAllocator allocator) {
        if (workers < 1) throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        if (workers > allocator.capacity()) {
            throw new IllegalArgumentException(workers + " workers but the devices hold " + allocator.capacity()
                    + " trials at once");
        }
        this.workers = workers;
        this.allocator = allocator;
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "tune4j-worker-" + count.getAndIncrement());
            // A stuck trial must not keep the JVM alive after the study has given up on it.
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public int slots() {
        return workers;
    }

    @Override
    public CompletableFuture<Double> start(Trial trial, Objective objective) {
        CompletableFuture<Double> result = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                Device device = allocator.acquire();
                try {
                    device.bind();
                    trial.recordDevice(device.name());
                    result.complete(objective.evaluate(trial));
                } finally {
                    allocator.release(device);
                }
            } catch (Throwable failure) {
                // Errors too: an OutOfMemoryError ends its trial, the worker takes the next one.
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
