package io.tune4j.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.search.study.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.api.ErrorCode;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The steps of a user of the same machine who went after a results file (issue 14): read the port and key of
 * the process serving it (then from H2's lock file, now from the database server's address file), log in,
 * change a trial's value, and run a shell command through {@code CREATE ALIAS}. Each now fails: the files are
 * the owner's, H2's default login is refused, and the account the runs work with has no right to define
 * functions.
 */
class RogueLoginTest {

    @Test
    void theResultsFilesAreTheOwnersOnly(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        try (Holder holder = serve(results)) {
            assertEquals("rwx------", permissions(results));
            for (String file : new String[] {H2StudyStore.FILE_NAME, ServerAddress.FILE_NAME, ResultsServer.LOCK_FILE,
                ResultsServer.LOG_FILE, Credentials.FILE_NAME}) {
                assertEquals("rw-------", permissions(results.resolve(file)), file);
            }
        }
    }

    @Test
    void theServersKeyAndTheDefaultLoginLetNoOneInNorStopTheServer(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        try (Holder holder = serve(results)) {
            ServerAddress server = ServerAddress.read(results).orElseThrow();
            SQLException refused = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(server.url(""), "sa", "").close());
            assertEquals(ErrorCode.WRONG_USER_OR_PASSWORD, refused.getErrorCode());
            // Any database name but the key is refused, so no one creates a database of their own there.
            String other = "jdbc:h2:tcp://127.0.0.1:" + server.port() + "/mem:rogue";
            refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(other, "sa", "").close());
            assertEquals(ErrorCode.WRONG_USER_OR_PASSWORD, refused.getErrorCode());
            // H2's remote stop with the default (empty) management password does nothing.
            try {
                Server.shutdownTcpServer("tcp://127.0.0.1:" + server.port(), "", true, false);
            } catch (SQLException refusedToo) {
                // refused outright: as good
            }
            assertTrue(server.answers(), "the server still runs");
            Credentials credentials = Credentials.of(results);
            DriverManager.getConnection(server.url(""), credentials.user(), credentials.password()).close();
        }
    }

    @Test
    void theDataAccountCanChangeRowsButRunsNoCode(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        try (Holder holder = serve(results)) {
            Credentials credentials = Credentials.of(results);
            Path marker = dir.resolve("pwned");
            try (Connection rogue = DriverManager.getConnection(ServerAddress.read(results).orElseThrow().url(""),
                    credentials.user(), credentials.password());
                 Statement sql = rogue.createStatement()) {
                // The account runs write with may write rows: that is its job.
                assertEquals(1, sql.executeUpdate("UPDATE trials SET objective_value = 0.5"));
                for (String code : new String[] {
                    "CREATE ALIAS RUN AS 'String run(String c) throws Exception { new ProcessBuilder(\"touch\", c).start()"
                            + ".waitFor(); return c; }'",
                    "CALL FILE_WRITE('x', '" + marker + "')",
                    "CREATE TRIGGER T BEFORE INSERT ON trials CALL 'io.tune4j.store.HoldDatabase'",
                    "CALL CSVWRITE('" + marker + "', 'SELECT 1')",
                    "CREATE USER ROGUE PASSWORD 'x' ADMIN",
                    "SHUTDOWN"}) {
                    SQLException refused = assertThrows(SQLException.class, () -> sql.execute(code), code);
                    assertEquals(ErrorCode.ADMIN_RIGHTS_REQUIRED, refused.getErrorCode(), code);
                }
            }
            assertFalse(Files.exists(marker));
        }
    }

    @Test
    void aReaderIsAClientLikeARunAndOutlivesTheRunsDeath(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            store.openStudy(new StudyDefinition("s", Direction.MINIMIZE, "loss"), "random", 1);
        }
        try (H2StudyStore reader = H2StudyStore.openReader(results)) {
            assertEquals(1, reader.studies().size());
            long study = reader.findStudy("s").orElseThrow().id();
            Holder holder = serve(results);
            assertEquals(1, reader.trials(study).size());
            // The run that wrote the trial dies; neither the file nor the reader notice.
            holder.process().destroyForcibly().waitFor();
            assertEquals(TrialState.RUNNING, reader.trials(study).get(0).state());
            assertTrue(ServerAddress.read(results).orElseThrow().answers(), "the server outlives its clients");
        }
    }

    /** Another process that opens {@code results} as a run does, with one trial in it. */
    private static Holder serve(Path results) throws Exception {
        Process holder = HoldDatabase.start(results, "trial");
        HoldDatabase.awaitOpen(holder);
        assertTrue(Files.exists(results.resolve(ServerAddress.FILE_NAME)));
        return new Holder(holder);
    }

    private record Holder(Process process) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            HoldDatabase.release(process);
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
