package io.tune4j.trainer.pool;

import org.nd4j.linalg.factory.Nd4j;

/**
 * A GPU by its CUDA index. Binding goes through ND4J's affinity manager, which ties the calling thread (and
 * the arrays it creates from then on) to the device; it needs the CUDA backend ({@code mvn -Pcuda}).
 */
public record CudaDevice(int index) implements Device {
    public CudaDevice {
        if (index < 0) throw new IllegalArgumentException("GPU index must be >= 0, got " + index);
    }

    @Override
    public String name() {
        return "cuda:" + index;
    }

    @Override
    public void bind() {
        int available = Nd4j.getAffinityManager().getNumberOfDevices();
        if (index >= available) {
            throw new IllegalStateException("GPU " + index + " requested but ND4J's backend ("
                    + Nd4j.getBackend().getClass().getSimpleName() + ") has " + available + " device(s)");
        }
        Nd4j.getAffinityManager().unsafeSetDevice(index);
    }
}
