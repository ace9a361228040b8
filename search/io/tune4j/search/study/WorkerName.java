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

    /**
     * Whether {@code worker} names a process of this machine that no longer runs. False whenever unsure (another
     * host, a name not of the host:pid form): the heartbeat's grace period decides those. A pid reused by an
     * unrelated process also reads as alive, which only delays the verdict to the grace period.
     */
    static boolean hasEndedOnThisMachine(String worker) {
        if (worker == null) return false;
        String self = ofThisProcess();
        int colon = worker.lastIndexOf(':');
        int selfColon = self.lastIndexOf(':');
        if (colon < 0 || selfColon < 0 || !worker.substring(0, colon).equals(self.substring(0, selfColon))) return false;
        long pid;
        try {
            pid = Long.parseLong(worker.substring(colon + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        return ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
    }
}
