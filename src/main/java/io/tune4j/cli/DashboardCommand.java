package io.tune4j.cli;

import io.tune4j.dashboard.server.DashboardServer;
import io.tune4j.store.H2StudyStore;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = "Serve the results database read-only as a web dashboard until stopped (Ctrl-C).")
final class DashboardCommand implements Callable<Integer> {
    @Mixin
    ClasspathOption classpath;

    @Mixin
    ResultsOption results;

    @Mixin
    DashboardOptions dashboard;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        dashboard.checked(); // before the database is opened, so a bad option leaves nothing behind
        H2StudyStore store = results.openExisting();
        DashboardServer server;
        try {
            server = dashboard.start(store, new DashboardFiles(results));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        spec.commandLine().getOut().println("dashboard of " + results.dir.toAbsolutePath() + " at " + server.url()
                + "  (Ctrl-C stops it)");
        spec.commandLine().getOut().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            store.close();
            stopped.countDown();
        }, "tune4j-dashboard-stop"));
        stopped.await();
        return 0;
    }
}
