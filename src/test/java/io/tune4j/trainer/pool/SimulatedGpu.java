package io.tune4j.trainer.pool;

import java.util.OptionalLong;

/**
 * A GPU for tests on machines without one: allocated exactly like {@link CudaDevice}, but binding only notes,
 * for the objective to read, which device the current worker thread was placed on.
 */
record SimulatedGpu(int index, OptionalLong memoryBytes) implements Device {
    private static final ThreadLocal<SimulatedGpu> BOUND = new ThreadLocal<>();

    /** A GPU whose memory is not modelled: only the count of trials on it limits it. */
    SimulatedGpu(int index) {
        this(index, OptionalLong.empty());
    }

    /** A GPU of {@code memory} bytes, which admits trials while their estimates fit in it. */
    SimulatedGpu(int index, long memory) {
        this(index, OptionalLong.of(memory));
    }

    @Override
    public String name() {
        return "sim-gpu:" + index;
    }

    @Override
    public void bind() {
        BOUND.set(this);
    }

    /** The device the current worker thread was last bound to. */
    static SimulatedGpu current() {
        return BOUND.get();
    }
}
