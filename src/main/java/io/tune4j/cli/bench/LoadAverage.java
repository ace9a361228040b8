package io.tune4j.cli.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** The system load average, printed with each benchmark: figures taken on a busy machine say so. */
final class LoadAverage {
    private LoadAverage() {}

    static String text() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f over %d cores", load,
                Runtime.getRuntime().availableProcessors());
    }
}
