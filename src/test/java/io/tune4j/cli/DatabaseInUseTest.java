package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.store.HoldDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database held by another process gets one clear line, not an H2 stack trace. */
class DatabaseInUseTest {

    @Test
    void aDatabaseOpenInAnotherProcessIsReportedPlainly(@TempDir Path results) throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldDatabase.class.getName(), results.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream()));
            assertEquals("open", out.readLine());
            Tune4jCli.Result studies = Tune4jCli.run("studies", "--results", results.toString());
            assertEquals(2, studies.exitCode());
            assertTrue(studies.err().contains("is open in another process"), studies.err());
            assertEquals(1, studies.err().lines().count(), studies.err());
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(10, TimeUnit.SECONDS)) holder.destroyForcibly();
        }
    }
}
