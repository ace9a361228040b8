package io.tune4j.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.Pointer;

/** This process's resident set size (heap, off-heap ND4J buffers, native libraries): what the OS sees. */
final class ResidentMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ResidentMemory() {}

    /** VmRSS in MiB, or -1 where /proc is missing (not Linux). */
    static double mebibytes() {
        if (!Files.isReadable(STATUS)) return -1;
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Java heap the JVM has taken from the OS (used or not), in MiB. */
    static double heapCommittedMebibytes() {
        return Runtime.getRuntime().totalMemory() / (1024.0 * 1024);
    }

    /** Native memory JavaCPP has allocated for ND4J arrays and not yet freed, in MiB. */
    static double nativeArraysMebibytes() {
        return Pointer.totalBytes() / (1024.0 * 1024);
    }
}
