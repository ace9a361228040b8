package io.tune4j.cli.bench;

import io.tune4j.search.study.TrialState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench crash --scenario kill-server}: two runs share one study; the one that serves the file (the
 * first to open it) is killed with SIGKILL while the other writes through it. The survivor must finish with
 * every epoch of its complete trials stored; a last short run then reclaims what the dead one left. Counts per
 * round: lost epochs, lost trials (missing numbers), stuck RUNNING, duplicate numbers, and a wedged file (the
 * survivor or the last run not ending within {@link #PATIENCE_MINUTES}).
 */
final class KillServerRounds {
    private static final long PATIENCE_MINUTES = 10;

    private final RunLauncher launcher;
    private final PrintWriter console;

    KillServerRounds(RunLauncher launcher, PrintWriter console) {
        this.launcher = launcher;
        this.console = console;
    }

    /** The exit code of the bench: 0 when every round lost, stuck, duplicated and wedged nothing. */
    int run(Path work, String study, int rounds, int survivorTrials, double maxDelaySeconds, long seed)
            throws IOException, InterruptedException {
        Random random = new Random(seed);
        int lostEpochs = 0;
        int lostTrials = 0;
        int stuck = 0;
        int duplicates = 0;
        int wedged = 0;
        int survivorFailures = 0;
        for (int round = 1; round <= rounds; round++) {
            Path results = work.resolve("results-" + round);
            Process server = launcher.start(results, "r" + round + "-server", 1_000_000);
            waitUntilServed(results, server);
            Process survivor = launcher.start(results, "r" + round + "-survivor", survivorTrials);
            // Timed from the survivor's banner (printed once it has opened the study), not from its JVM's start:
            // on a loaded machine the JVM takes seconds, and a kill before it connects proves nothing.
            waitForBanner(work.resolve("logs").resolve("r" + round + "-survivor.out"), survivor);
            long delayMs = 500 + (long) (random.nextDouble() * (maxDelaySeconds * 1000 - 500));
            Thread.sleep(delayMs);
            server.destroyForcibly();
            server.waitFor();
            boolean survivorEnded = survivor.waitFor(PATIENCE_MINUTES, TimeUnit.MINUTES);
            if (!survivorEnded) survivor.destroyForcibly().waitFor();
            Process last = launcher.start(results, "r" + round + "-last", 1);
            boolean lastEnded = last.waitFor(PATIENCE_MINUTES, TimeUnit.MINUTES);
            if (!lastEnded) last.destroyForcibly().waitFor();
            CrashSnapshot end = CrashSnapshot.read(results, study);
            boolean wedgedNow = !survivorEnded || !lastEnded || !end.openedCleanly();
            if (survivorEnded && survivor.exitValue() != 0) survivorFailures++;
            lostEpochs += end.lostEpochs();
            lostTrials += end.missingNumbers();
            stuck += (int) end.count(TrialState.RUNNING);
            duplicates += end.duplicates();
            if (wedgedNow) wedged++;
            console.printf(Locale.ROOT, "round %2d: server killed %4.1f s after the survivor opened the study; %3d trials,"
                            + " %d lost epochs, %d missing numbers, %d stuck RUNNING, %d duplicates, survivor %s%s%n",
                    round, delayMs / 1000.0, end.trials().size(), end.lostEpochs(), end.missingNumbers(),
                    end.count(TrialState.RUNNING), end.duplicates(),
                    survivorEnded ? "exit " + survivor.exitValue() : "WEDGED", wedgedNow ? ", file WEDGED" : "");
            console.flush();
        }
        console.printf("kill-server, %d rounds: %d lost epochs, %d lost trials, %d stuck RUNNING, %d duplicate numbers,"
                + " %d wedged files, %d survivors exited non-zero%n", rounds, lostEpochs, lostTrials, stuck, duplicates,
                wedged, survivorFailures);
        return lostEpochs + lostTrials + stuck + duplicates + wedged + survivorFailures == 0 ? 0 : 1;
    }

    /** Waits until {@code server} has opened the file and serves it (its address is in H2's lock file). */
    private static void waitUntilServed(Path results, Process server) throws IOException, InterruptedException {
        Path lock = results.resolve("tune4j.lock.db");
        for (int wait = 0; wait < 1_200; wait++) {
            if (!server.isAlive()) throw new IllegalStateException("the first run ended before it served the file");
            if (Files.exists(lock) && Files.readString(lock).contains("server=")) return;
            Thread.sleep(100);
        }
        throw new IllegalStateException("the first run did not serve " + results + " within 120 s");
    }

    private static void waitForBanner(Path out, Process survivor) throws IOException, InterruptedException {
        for (int wait = 0; wait < 3_000; wait++) {
            if (Files.exists(out) && Files.readString(out).contains("trial(s) at once")) return;
            if (!survivor.isAlive()) throw new IllegalStateException("the survivor ended before it opened the study; see " + out);
            Thread.sleep(100);
        }
        throw new IllegalStateException("the survivor did not open the study within 300 s; see " + out);
    }

    /** Starts {@code tune4j run} of the bench's space file on a results folder, logging under a name. */
    @FunctionalInterface
    interface RunLauncher {
        Process start(Path results, String name, int trials) throws IOException;
    }
}
