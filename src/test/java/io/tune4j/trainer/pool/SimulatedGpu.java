package io.tune4j.trainer.pool;

/**
 * A GPU for tests on machines without one: allocated exactly like {@link CudaDevice}, but binding only notes,
 * for the objective to read, which device the current worker thread was placed on.
 */
record SimulatedGpu(int index) implements Device {
    private static final ThreadLocal<SimulatedGpu> BOUND = new ThreadLocal<>();

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
