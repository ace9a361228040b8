package io.tune4j.trainer.training;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * How much memory one trial's network may need. ND4J on the CPU allocates outside the Java heap and outside
 * JavaCPP's accounting (two 256 MiB arrays passed a 64 MiB {@code maxbytes} cap here), so the machine's physical
 * memory is the limit that matters; a network estimated above most of it would only be killed by the system
 * part-way into training. {@code -Dtune4j.trialMemory=BYTES} sets it explicitly.
 */
final class MemoryBudget {
    private static final double SHARE_OF_PHYSICAL = 0.8;

    private MemoryBudget() {}

    static long perTrial() {
        String given = System.getProperty("tune4j.trialMemory");
        if (given != null) return Long.parseLong(given);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return (long) (os.getTotalMemorySize() * SHARE_OF_PHYSICAL);
    }
}
