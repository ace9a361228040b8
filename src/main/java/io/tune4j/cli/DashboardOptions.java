package io.tune4j.cli;

import io.tune4j.dashboard.export.TrialFiles;
import io.tune4j.dashboard.notes.NoteWriter;
import io.tune4j.dashboard.server.DashboardServer;
import io.tune4j.store.H2StudyStore;
import io.tune4j.store.query.H2StudyQueries;
import picocli.CommandLine.Option;

/**
 * {@code --port}, {@code --bind}, {@code --token}, {@code --allow-notes}: where the dashboard listens and
 * whether its page may write notes, shared by dashboard and run.
 */
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

    @Option(names = "--allow-notes",
            description = "Let the page write notes on studies and trials (needs --token, even on 127.0.0.1).")
    boolean notes;

    /** The checked options; a bad port or a public address without a token is the user's mistake. */
    DashboardServer.Options checked() {
        try {
            return new DashboardServer.Options(bind, port, token, notes);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    DashboardServer start(H2StudyStore store, TrialFiles files) {
        DashboardServer.Options options = checked();
        try {
            return DashboardServer.start(new H2StudyQueries(store), files, notes ? new StoreNotes(store) : null,
                    options);
        } catch (RuntimeException e) {
            throw new UserError("cannot start the dashboard on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** The dashboard's notes port, written into the store. */
    private record StoreNotes(H2StudyStore store) implements NoteWriter {
        @Override
        public void study(long studyId, String markdown) {
            store.noteStudy(studyId, markdown);
        }

        @Override
        public boolean trial(long studyId, int number, String markdown) {
            return store.noteTrial(studyId, number, markdown);
        }
    }
}
