package io.tune4j.trainer.pool;

import java.util.List;
import java.util.OptionalLong;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

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
    public OptionalLong memoryBytes() {
        return OptionalLong.of(NativeOpsHolder.getInstance().getDeviceNativeOps().getDeviceTotalMemory(index));
    }

    @Override
    public void bind() {
        checkAvailable(List.of(index));
        Nd4j.getAffinityManager().unsafeSetDevice(index);
    }

    /**
     * Refuses GPU indexes this JVM cannot use: on the CPU backend every trial would silently train on the CPU,
     * so a study asking for GPUs is stopped before it starts instead.
     */
    public static void checkAvailable(List<Integer> indexes) {
        String backend = Nd4j.getBackend().getClass().getSimpleName();
        // nd4j-cuda's backend is org.nd4j.linalg.jcublas.JCublasBackend; nd4j-native's is CpuBackend.
        if (!Nd4j.getBackend().getClass().getName().startsWith("org.nd4j.linalg.jcublas.")) {
            throw new IllegalStateException("devices " + indexes + " need the CUDA backend, but this build runs on "
                    + backend + ": build with mvn -Pcuda -DskipTests package");
        }
        int available = Nd4j.getAffinityManager().getNumberOfDevices();
        for (int index : indexes) {
            if (index >= available) {
                throw new IllegalStateException("GPU " + index + " requested but CUDA sees " + available + " device(s)");
            }
        }
    }
}
