package io.tune4j.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.search.study.TrialState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The steps of a user of the same machine who went after a results file (issue 14): read the port and key of
 * the serving process from H2's lock file, log in, change a trial's value, and run a shell command through
 * {@code CREATE ALIAS}. Each now fails: the files are the owner's, H2's default login is refused, and the
 * account the runs work with has no right to define functions.
 */
class RogueLoginTest {

    @Test
    void theResultsFilesAreTheOwnersOnly(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        try (Holder holder = serve(results)) {
            assertEquals("rwx------", permissions(results));
            for (String file : new String[] {H2StudyStore.FILE_NAME, ServingProcess.LOCK_FILE, Credentials.FILE_NAME}) {
                assertEquals("rw-------", permissions(results.resolve(file)), file);
            }
        }
    }

    @Test
    void theLockFilesKeyAndTheDefaultLoginLetNoOneIn(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        try (Holder holder = serve(results)) {
            Properties lock = new Properties();
            try (Reader in = Files.newBufferedReader(results.resolve(ServingProcess.LOCK_FILE))) {
                lock.load(in);
            }
            String served = "jdbc:h2:tcp://" + lock.getProperty("server") + "/" + lock.getProperty("id");
            SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(served, "sa", "").close());
            assertEquals(ErrorCode.WRONG_USER_OR_PASSWORD, refused.getErrorCode());
            String automatic = "jdbc:h2:file:" + results.resolve("tune4j") + ";AUTO_SERVER=TRUE";
            refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(automatic, "sa", "").close());
            assertEquals(ErrorCode.WRONG_USER_OR_PASSWORD, refused.getErrorCode());
        }
    }

    @Test
    void theDataAccountCanChangeRowsButRunsNoCode(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        try (Holder holder = serve(results)) {
            Properties lock = new Properties();
            try (Reader in = Files.newBufferedReader(results.resolve(ServingProcess.LOCK_FILE))) {
                lock.load(in);
            }
            Credentials credentials = Credentials.of(results);
            Path marker = dir.resolve("pwned");
            try (Connection rogue = DriverManager.getConnection("jdbc:h2:tcp://" + lock.getProperty("server") + "/"
                    + lock.getProperty("id"), credentials.user(), credentials.password());
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
    void aReaderNeitherServesNorHoldsTheFile(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            store.openStudy(new StudyDefinition("s", Direction.MINIMIZE, "loss"), "random", 1);
        }
        try (H2StudyStore reader = H2StudyStore.openReader(results)) {
            assertEquals(1, reader.studies().size());
            assertFalse(Files.exists(results.resolve(ServingProcess.LOCK_FILE)), "the reader serves nothing");
            // A run starting while the reader is open takes the file, and the reader becomes its client.
            try (Holder holder = serve(results)) {
                long study = reader.findStudy("s").orElseThrow().id();
                assertEquals(1, reader.trials(study).size());
                assertEquals(TrialState.RUNNING, reader.trials(study).get(0).state());
            }
        }
    }

    /** Another process that opens {@code results} as a run does (it serves the file) with one trial in it. */
    private static Holder serve(Path results) throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldDatabase.class.getName(), results.toString(), "trial")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream()));
        assertEquals("open", out.readLine());
        assertTrue(Files.exists(results.resolve(ServingProcess.LOCK_FILE)));
        return new Holder(holder);
    }

    private record Holder(Process process) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
