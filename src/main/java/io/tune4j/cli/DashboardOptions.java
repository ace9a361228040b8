package io.tune4j.cli;

import io.tune4j.dashboard.export.BestTrialFiles;
import io.tune4j.dashboard.server.DashboardServer;
import io.tune4j.store.H2StudyStore;
import picocli.CommandLine.Option;

/** {@code --port}, {@code --bind}, {@code --token}: where the dashboard listens, shared by dashboard and run. */
final class DashboardOptions {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port of the dashboard (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Any other "
                    + "address needs --token.")
    String bind;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Secret every request must carry; required when --bind is not a loopback address.")
    String token;

    /** The checked options; a bad port or a public address without a token is the user's mistake. */
    DashboardServer.Options checked() {
        try {
            return new DashboardServer.Options(bind, port, token);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    DashboardServer start(H2StudyStore store, BestTrialFiles files) {
        DashboardServer.Options options = checked();
        try {
            return DashboardServer.start(store, files, options);
        } catch (RuntimeException e) {
            throw new UserError("cannot start the dashboard on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
    }
}
