package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tune4j.cli.Tune4jCli.Result;
import io.tune4j.trainer.cluster.TestSecret;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Bad cluster input, worker and study side: one line naming the option, exit 2, nothing written. */
class WorkerCommandTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--join|nohost.invalid:5701|tune4j: --join: host 'nohost.invalid' cannot be resolved from this machine",
            "--join|127.0.0.1:70000|tune4j: --join: the port in '127.0.0.1:70000' must be 1..65535, got 70000",
            "--join|127.0.0.1:http|tune4j: --join: the port in '127.0.0.1:http' is not a number 1..65535: 'http'",
            "--join|127.0.0.1:|tune4j: --join: the port in '127.0.0.1:' is not a number 1..65535: ''",
            "--join|:5701|tune4j: --join: ':5701' has no host before the port",
            "--join|fe80::1:5701|tune4j: --join: 'fe80::1:5701' has several colons; write an IPv6 address as [ADDRESS]:PORT",
            "--host|10.9.9.9|tune4j: --host: '10.9.9.9' (10.9.9.9) is not an address of this machine; give one of its own, reachable from the others",
            "--port|0|tune4j: --port: the port must be 1..65535, got 0",
            "--bus-port|65536|tune4j: --bus-port: the port must be 1..65535, got 65536",
            "--slots|0|tune4j: --slots must be >= 1, got 0",
            "--wait|soon|tune4j: --wait: 'soon' is not a duration like 90s, 10m or 2h",
            "--secret-file|/nonexistent/tune4j.secret|tune4j: --secret-file /nonexistent/tune4j.secret: no such file; copy"
                    + " the study's tune4j.secret (in its results folder, written when 'tune4j run --workers-port' starts)"
                    + " to this machine",
    })
    void aBadWorkerOptionIsOneLineNamingItAndExit2(String option, String value, String message) {
        String join = option.equals("--join") ? value : "127.0.0.1:5701";
        Result result = option.equals("--join") ? Tune4jCli.run("worker", "--join", join)
                : Tune4jCli.run("worker", "--join", join, option, value);
        assertEquals(2, result.exitCode());
        assertEquals(message, result.err().strip());
    }

    @Test
    void aSecretFileThatIsNotASecretIsOneLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("tune4j.secret"), "hunter2\n");
        Result result = Tune4jCli.run("worker", "--join", "127.0.0.1:5701", "--secret-file", file.toString());
        assertEquals(2, result.exitCode());
        assertEquals("tune4j: --secret-file " + file + ": a cluster secret is 64 hex digits (as 'tune4j run"
                + " --workers-port' writes it), this is not", result.err().strip());
    }

    @Test
    void aStudyThatNeverAnswersEndsTheWorkerWithWhatToCheck(@TempDir Path dir) {
        int port = io.tune4j.trainer.cluster.FreePorts.pair();
        Path secret = TestSecret.writeTo(dir.resolve("tune4j.secret"));
        Result result = Tune4jCli.run("worker", "--join", "127.0.0.1:" + port, "--wait", "2s", "--secret-file",
                secret.toString());
        assertEquals(2, result.exitCode());
        assertEquals("tune4j: no study answered at 127.0.0.1:" + port + " within 2 s: is './tune4j run SPACE_FILE"
                + " --workers-port " + port + "' running there, and can this machine reach it (ports " + port
                + " and " + (port + 1) + ")?", result.err().strip());
    }

    @Test
    void aTakenWorkersPortIsOneLineAndWritesNothing(@TempDir Path results) throws Exception {
        int port = io.tune4j.trainer.cluster.FreePorts.pair();
        try (java.net.ServerSocket taken = new java.net.ServerSocket(port + 1, 1, java.net.InetAddress.getLoopbackAddress())) {
            Result result = Tune4jCli.run("run", "spaces/iris-mlp.yaml", "--results", results.toString(),
                    "--workers-port", String.valueOf(port));
            assertEquals(2, result.exitCode());
            assertEquals("tune4j: --workers-port " + port + ": port " + (port + 1) + " on 127.0.0.1 is already in use"
                    + " (another study or worker, or another program)", result.err().strip());
        }
        assertFalse(Files.exists(results.resolve("tune4j.mv.db")), "no database was created");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--workers-port|0|tune4j: --workers-port: the cluster port must be 1..65535, got 0",
            "--workers-port|65535|tune4j: --workers-port: the workers port must be 1..65534: the event bus takes the next one",
            "--workers-host|nohost.invalid|tune4j: --workers-host: host 'nohost.invalid' cannot be resolved from this machine",
    })
    void aBadStudySideOptionWritesNothing(String option, String value, String message, @TempDir Path results) {
        Result result = option.equals("--workers-port")
                ? Tune4jCli.run("run", "spaces/iris-mlp.yaml", "--results", results.toString(), option, value)
                : Tune4jCli.run("run", "spaces/iris-mlp.yaml", "--results", results.toString(), "--workers-port",
                "5701", option, value);
        assertEquals(2, result.exitCode());
        assertEquals(message, result.err().strip());
        assertFalse(Files.exists(results.resolve("tune4j.mv.db")), "no database was created");
    }
}
