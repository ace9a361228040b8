package io.tune4j.trainer.pool;

import io.tune4j.search.study.Trial;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The part every pool shares: N worker threads, each taking a device for its trial (never more trials on a
 * device than it holds), recording it, running the trial there and handing the device back, whatever the
 * trial did. Where the trial runs (this thread, a child JVM, a cluster worker's thread) is the caller's {@link Work}.
 */
public final class DeviceWorkers {
    private final int workers;
    private final DeviceAllocator allocator;
    private final ExecutorService executor;

    /** What a worker does with its trial once it holds a device. */
    @FunctionalInterface
    public interface Work {
        double run(Device device) throws Exception;
    }

    public DeviceWorkers(int workers, DeviceAllocator allocator, String threadName) {
        if (workers < 1) throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        if (workers > allocator.capacity()) {
            throw new IllegalArgumentException(workers + " workers but the devices hold " + allocator.capacity()
                    + " trials at once");
        }
        this.workers = workers;
        this.allocator = allocator;
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, threadName + "-" + count.getAndIncrement());
            // A stuck trial must not keep the JVM alive after the study has given up on it.
            thread.setDaemon(true);
            return thread;
        });
    }

    public int slots() {
        return workers;
    }

    public CompletableFuture<Double> start(Trial trial, Work work) {
        return start(trial, 0, work);
    }

    /** Starts {@code work} on a device with room for a trial of {@code bytes} (its memory estimate, 0: unknown). */
    public CompletableFuture<Double> start(Trial trial, long bytes, Work work) {
        CompletableFuture<Double> result = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                Device device = allocator.acquire(bytes);
                try {
                    trial.recordDevice(device.name());
                    result.complete(work.run(device));
                } finally {
                    allocator.release(device, bytes);
                }
            } catch (Throwable failure) {
                // Errors too: an OutOfMemoryError ends its trial, the worker takes the next one.
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    /** Interrupts the running trials and waits a little for the workers to see it. */
    public void stop(long waitSeconds) {
        executor.shutdownNow();
        if (waitSeconds <= 0) return;
        try {
            executor.awaitTermination(waitSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
