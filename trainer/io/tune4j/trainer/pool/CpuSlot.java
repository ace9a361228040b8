package io.tune4j.trainer.pool;

/** One CPU worker slot, training with {@code threads} BLAS/OpenMP threads. */
public record CpuSlot(int index, int threads) implements Device {
    public CpuSlot {
        if (index < 0) throw new IllegalArgumentException("cpu slot must be >= 0, got " + index);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }

    @Override
    public String name() {
        return "cpu:" + index;
    }

    @Override
    public void bind() {
        BlasThreads.limit(threads);
    }
}
