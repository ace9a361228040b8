package io.tune4j.trainer.pool;

import java.util.ArrayList;
import java.util.List;

/**
 * How trials run, from the {@code search:} section: {@code parallel} at once, each with {@code threadsPerWorker}
 * BLAS threads, in this JVM's threads or one child JVM per trial, on CPU slots or on the GPUs listed
 * ({@code gpus} empty: CPU), at most {@code trialsPerDevice} per GPU.
 */
public record PoolSettings(int parallel, int threadsPerWorker, Isolation isolation, List<Integer> gpus,
                           int trialsPerDevice) {
    public enum Isolation { THREAD, PROCESS }

    public PoolSettings {
        gpus = List.copyOf(gpus);
        if (threadsPerWorker < 1) throw new IllegalArgumentException("threads_per_worker must be >= 1, got " + threadsPerWorker);
        if (trialsPerDevice < 1) throw new IllegalArgumentException("trials_per_device must be >= 1, got " + trialsPerDevice);
        if (parallel < 1) throw new IllegalArgumentException("parallel must be >= 1, got " + parallel);
        if (!gpus.isEmpty() && parallel > gpus.size() * trialsPerDevice) {
            throw new IllegalArgumentException("parallel " + parallel + " exceeds what the GPUs hold: " + gpus.size()
                    + " device(s) x trials_per_device " + trialsPerDevice);
        }
        if (gpus.stream().distinct().count() < gpus.size()) throw new IllegalArgumentException("devices lists a GPU twice: " + gpus);
    }

    /**
     * The defaults for this machine: one BLAS thread per worker and as many CPU workers as cores (stack.md:
     * parallel 1-thread trials beat one many-thread trial), or every GPU slot.
     */
    public static int defaultParallel(int threadsPerWorker, List<Integer> gpus, int trialsPerDevice) {
        if (!gpus.isEmpty()) return gpus.size() * trialsPerDevice;
        return Math.max(1, Runtime.getRuntime().availableProcessors() / threadsPerWorker);
    }

    public static PoolSettings defaults() {
        return new PoolSettings(defaultParallel(1, List.of(), 1), 1, Isolation.THREAD, List.of(), 1);
    }

    /** The same settings with another worker count (e.g. {@code bench pool --workers}). */
    public PoolSettings withParallel(int workers) {
        return new PoolSettings(workers, threadsPerWorker, isolation, gpus, trialsPerDevice);
    }

    public PoolSettings withIsolation(Isolation other) {
        return new PoolSettings(parallel, threadsPerWorker, other, gpus, trialsPerDevice);
    }

    /** The devices these settings describe: one CPU slot per worker, or the listed GPUs. */
    public DeviceAllocator allocator() {
        List<Device> devices = new ArrayList<>();
        if (gpus.isEmpty()) {
            for (int slot = 0; slot < parallel; slot++) devices.add(new CpuSlot(slot, threadsPerWorker));
            return new DeviceAllocator(devices, 1);
        }
        for (int index : gpus) devices.add(new CudaDevice(index));
        return new DeviceAllocator(devices, trialsPerDevice);
    }
}
