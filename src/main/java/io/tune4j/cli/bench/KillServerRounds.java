package io.tune4j.cli.bench;

import io.tune4j.search.study.TrialState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code bench crash --scenario kill-server|shared}: two runs share one study while this process reads it as
 * {@code studies} would, over and over. Per round, a random moment after the second run ("the survivor") has
 * opened the study, {@code kill-server} SIGKILLs the folder's database server and then the first run (the one
 * that started it); {@code shared} SIGKILLs only the first run. The survivor must finish with every epoch of its
 * complete trials stored; a last short run then reclaims what the dead run left. Counts per round: lost epochs,
 * lost trials (missing numbers), stuck RUNNING, duplicate numbers, failed reads, and a wedged file (the
 * survivor or the last run not ending within {@link #PATIENCE_MINUTES}, or the file not opening).
 */
final class KillServerRounds {
    private static final long PATIENCE_MINUTES = 10;

    private final RunLauncher launcher;
    private final PrintWriter console;
    private final boolean killServer;

    KillServerRounds(RunLauncher launcher, PrintWriter console, boolean killServer) {
        this.launcher = launcher;
        this.console = console;
        this.killServer = killServer;
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
        int failedReads = 0;
        int reads = 0;
        String scenario = killServer ? "kill-server" : "shared";
        for (int round = 1; round <= rounds; round++) {
            Path results = work.resolve("results-" + round);
            Process first = launcher.start(results, "r" + round + "-first", 1_000_000);
            waitForBanner(work.resolve("logs").resolve("r" + round + "-first.out"), first);
            Process survivor = launcher.start(results, "r" + round + "-survivor", survivorTrials);
            // Timed from the survivor's banner (printed once it has opened the study), not from its JVM's start:
            // on a loaded machine the JVM takes seconds, and a kill before it connects proves nothing.
            waitForBanner(work.resolve("logs").resolve("r" + round + "-survivor.out"), survivor);
            Reader reader = new Reader(results, study);
            reader.start();
            long delayMs = 500 + (long) (random.nextDouble() * (maxDelaySeconds * 1000 - 500));
            Thread.sleep(delayMs);
            if (killServer) {
                ProcessHandle server = ProcessHandle.of(serverPid(results)).orElseThrow();
                server.destroyForcibly();
                server.onExit().join();
            }
            first.destroyForcibly();
            first.waitFor();
            boolean survivorEnded = survivor.waitFor(PATIENCE_MINUTES, TimeUnit.MINUTES);
            if (!survivorEnded) survivor.destroyForcibly().waitFor();
            reader.finish();
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
            failedReads += reader.failed.get();
            reads += reader.done.get();
            if (wedgedNow) wedged++;
            console.printf(Locale.ROOT, "round %2d: %s killed %4.1f s after the survivor opened the study; %3d trials,"
                            + " %d lost epochs, %d missing numbers, %d stuck RUNNING, %d duplicates, %d of %d reads"
                            + " failed, survivor %s%s%n",
                    round, killServer ? "server and first run" : "first run", delayMs / 1000.0, end.trials().size(),
                    end.lostEpochs(), end.missingNumbers(), end.count(TrialState.RUNNING), end.duplicates(),
                    reader.failed.get(), reader.done.get(),
                    survivorEnded ? "exit " + survivor.exitValue() : "WEDGED", wedgedNow ? ", file WEDGED" : "");
            console.flush();
        }
        console.printf("%s, %d rounds: %d lost epochs, %d lost trials, %d stuck RUNNING, %d duplicate numbers,"
                + " %d wedged files, %d survivors exited non-zero, %d of %d reads failed%n", scenario, rounds,
                lostEpochs, lostTrials, stuck, duplicates, wedged, survivorFailures, failedReads, reads);
        return lostEpochs + lostTrials + stuck + duplicates + wedged + survivorFailures + failedReads == 0 ? 0 : 1;
    }

    /** The process id of the folder's database server, from the address file it writes. */
    private static long serverPid(Path results) throws IOException {
        Properties server = new Properties();
        try (var in = Files.newBufferedReader(results.resolve("tune4j.server"))) {
            server.load(in);
        }
        return Long.parseLong(server.getProperty("pid"));
    }

    private static void waitForBanner(Path out, Process run) throws IOException, InterruptedException {
        for (int wait = 0; wait < 3_000; wait++) {
            if (Files.exists(out) && Files.readString(out).contains("trial(s) at once")) return;
            if (!run.isAlive()) throw new IllegalStateException("a run ended before it opened the study; see " + out);
            Thread.sleep(100);
        }
        throw new IllegalStateException("a run did not open the study within 300 s; see " + out);
    }

    /** Reads the study as {@code studies} and {@code trials} do, every 200 ms, counting reads that fail. */
    private static final class Reader extends Thread {
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Path results;
        private final String study;

        Reader(Path results, String study) {
            super("bench-reader");
            this.results = results;
            this.study = study;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                if (!CrashSnapshot.read(results, study).openedCleanly()) failed.incrementAndGet();
                done.incrementAndGet();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void finish() throws InterruptedException {
            stop.set(true);
            join();
        }
    }

    /** Starts {@code tune4j run} of the bench's space file on a results folder, logging under a name. */
    @FunctionalInterface
    interface RunLauncher {
        Process start(Path results, String name, int trials) throws IOException;
    }
}
