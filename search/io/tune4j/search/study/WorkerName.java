package io.tune4j.search.study;

import java.lang.management.ManagementFactory;

/** Names this process as a worker, host and pid, so a stored trial tells which process ran it. */
public final class WorkerName {
    private WorkerName() {}

    public static String ofThisProcess() {
        // RuntimeMXBean's name is "pid@host" on HotSpot; flip it into the more readable host:pid.
        String name = ManagementFactory.getRuntimeMXBean().getName();
        int at = name.indexOf('@');
        return at < 0 ? name : name.substring(at + 1) + ":" + name.substring(0, at);
    }
}
