package io.tune4j.cli.bench;

import io.tune4j.cli.Main;
import io.tune4j.cli.StudyFile;
import io.tune4j.search.study.TrialState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tune4j bench crash}: the kill loop. Scenario {@code single}: starts {@code tune4j run} in a child JVM
 * on a fresh results folder, kills it with SIGKILL at a random moment, reads the file, restarts it, again and
 * again; then lets a last run finish. Counts what crash safety promises: no trial lost, none stuck RUNNING, no
 * number twice. Scenarios {@code kill-server} and {@code shared}: see {@link KillServerRounds}.
 */
@Command(name = "crash", mixinStandardHelpOptions = true,
        description = "Kill ./tune4j run at random moments, resume it, and count lost, stuck and duplicated trials.")
final class CrashBenchCommand implements Callable<Integer> {
    /**
     * What is killed: a run on its own; the database server while two runs write through it (and then one of
     * the runs); one of two runs while a reader reads.
     */
    enum Scenario { single, kill_server, shared }

    @Option(names = "--space", required = true, paramLabel = "FILE", description = "A space file, e.g. spaces/iris-mlp.yaml.")
    Path space;

    @Option(names = "--scenario", defaultValue = "single", paramLabel = "NAME",
            converter = ScenarioName.class,
            description = "single: one run killed and resumed; kill-server: two runs on one study and a reader, the"
                    + " database server killed, then one run; shared: the same, one run killed. Default: ${DEFAULT-VALUE}.")
    Scenario scenario;

    @Option(names = "--rounds", defaultValue = "30", description = "kill-server, shared: rounds. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--survivor-trials", defaultValue = "8",
            description = "kill-server, shared: trials of the run that is not killed. Default: ${DEFAULT-VALUE}.")
    int survivorTrials;

    @Option(names = "--kills", defaultValue = "20", description = "Runs killed before the last one. Default: ${DEFAULT-VALUE}.")
    int kills;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the kill moments. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--max-delay", defaultValue = "12", paramLabel = "SECONDS",
            description = "A run is killed between 0.5 s and this long after it starts (JVM start included, so some"
                    + " kills land while the database opens). Default: ${DEFAULT-VALUE}.")
    double maxDelaySeconds;

    @Option(names = "--final-trials", defaultValue = "3",
            description = "Trials of the last run, which is left to finish. Default: ${DEFAULT-VALUE}.")
    int finalTrials;

    @Option(names = "--work", defaultValue = "results/bench/crash",
            description = "Folder for the results and the runs' logs; emptied first. Default: ${DEFAULT-VALUE}.")
    Path work;

    @Option(names = "--out", defaultValue = "results/bench/crash.csv", description = "CSV written. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (kills < 1 || finalTrials < 1 || maxDelaySeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--kills and --final-trials must be at least 1,"
                    + " --max-delay at least 1 (seconds)");
        }
        String study = StudyFile.load(space).study();
        PrintWriter console = spec.commandLine().getOut();
        Path results = work.resolve("results");
        Path logs = work.resolve("logs");
        deleteTree(work);
        Files.createDirectories(logs);
        if (scenario != Scenario.single) {
            console.printf("bench crash --scenario %s: %s, %d rounds (seed %d), work in %s%n",
                    scenario.name().replace('_', '-'), space, rounds, seed, work);
            return new KillServerRounds((dir, name, trials) -> startRun(dir, logs, name, trials), console,
                    scenario == Scenario.kill_server).run(work, study, rounds, survivorTrials, maxDelaySeconds, seed);
        }
        Random random = new Random(seed);
        Map<Integer, Double> completeSoFar = new TreeMap<>();
        List<String[]> rows = new ArrayList<>();
        int lost = 0;
        int uncleanOpens = 0;
        Set<Integer> killedTrials = new TreeSet<>();
        long start = System.nanoTime();
        console.printf("bench crash: %s, %d kills (seed %d), results in %s%n", space, kills, seed, results);
        for (int kill = 1; kill <= kills; kill++) {
            long delayMs = 500 + (long) (random.nextDouble() * (maxDelaySeconds * 1000 - 500));
            Process run = startRun(results, logs, "run-" + kill, 1_000_000);
            if (run.waitFor(delayMs, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("run " + kill + " ended by itself with code " + run.exitValue()
                        + " before it was killed; see " + logs);
            }
            run.destroyForcibly();
            run.waitFor();
            CrashSnapshot after = CrashSnapshot.read(results, study);
            int lostNow = after.lostSince(completeSoFar);
            lost += lostNow;
            if (!after.openedCleanly()) uncleanOpens++;
            killedTrials.addAll(after.numbers(TrialState.RUNNING));
            completeSoFar.putAll(after.complete());
            rows.add(row("kill " + kill, delayMs, after, lostNow));
            console.printf(Locale.ROOT, "kill %2d after %5.1f s: %3d trials, %3d complete, %d running when killed,"
                            + " %d lost, file %s%n", kill, delayMs / 1000.0, after.trials().size(),
                    after.count(TrialState.COMPLETE), after.count(TrialState.RUNNING), lostNow,
                    after.openedCleanly() ? "opened cleanly" : "DID NOT OPEN: " + after.openError());
            console.flush();
        }
        Process last = startRun(results, logs, "run-" + (kills + 1), finalTrials);
        int lastExit = last.waitFor();
        CrashSnapshot end = CrashSnapshot.read(results, study);
        int lostAtEnd = end.lostSince(completeSoFar);
        lost += lostAtEnd;
        if (!end.openedCleanly()) uncleanOpens++;
        rows.add(row("final run", 0, end, lostAtEnd));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        int runsWithExceptions = runsWithExceptions(logs);

        console.printf("final run: exit code %d%n", lastExit);
        console.printf("trials: %d total, %d complete, %d pruned, %d failed, %d re-queued; %d trials were running"
                        + " when a run was killed, %d of them ended failed after their retries%n", end.trials().size(),
                end.count(TrialState.COMPLETE), end.count(TrialState.PRUNED), end.count(TrialState.FAILED),
                end.requeued(), killedTrials.size(), end.retriesSpent());
        console.printf("lost trials: %d (missing numbers %d + complete trials gone after a kill %d)%n",
                end.missingNumbers() + lost, end.missingNumbers(), lost);
        console.printf("stuck RUNNING: %d, left WAITING: %d, duplicate numbers: %d%n", end.count(TrialState.RUNNING),
                end.count(TrialState.WAITING), end.duplicates());
        console.printf("file opened cleanly: %d of %d times; runs with an exception on stderr: %d of %d%n",
                kills + 1 - uncleanOpens, kills + 1, runsWithExceptions, kills + 1);
        console.printf(Locale.ROOT, "wall time: %.1f s%n", took.toMillis() / 1000.0);
        writeCsv(rows);
        console.println("written " + out);
        boolean clean = lastExit == 0 && lost == 0 && end.missingNumbers() == 0 && end.duplicates() == 0
                && end.count(TrialState.RUNNING) == 0 && end.count(TrialState.WAITING) == 0 && uncleanOpens == 0;
        return clean ? 0 : 1;
    }

    private Process startRun(Path results, Path logs, String name, int trials) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", space.toString(),
                "--trials", String.valueOf(trials), "--no-progress", "--results", results.toString())
                .redirectOutput(logs.resolve(name + ".out").toFile())
                .redirectError(logs.resolve(name + ".err").toFile())
                .start();
    }

    private static int runsWithExceptions(Path logs) throws IOException {
        int count = 0;
        try (var files = Files.list(logs)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".err")).toList()) {
                if (Files.readString(log).contains("Exception")) count++;
            }
        }
        return count;
    }

    private static String[] row(String when, long delayMs, CrashSnapshot snapshot, int lost) {
        return new String[] {when, String.valueOf(delayMs), String.valueOf(snapshot.openedCleanly()),
            String.valueOf(snapshot.trials().size()), String.valueOf(snapshot.count(TrialState.COMPLETE)),
            String.valueOf(snapshot.count(TrialState.PRUNED)), String.valueOf(snapshot.count(TrialState.FAILED)),
            String.valueOf(snapshot.count(TrialState.RUNNING)), String.valueOf(snapshot.count(TrialState.WAITING)),
            String.valueOf(snapshot.requeued()), String.valueOf(lost), String.valueOf(snapshot.missingNumbers()),
            String.valueOf(snapshot.duplicates())};
    }

    private void writeCsv(List<String[]> rows) throws IOException {
        if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
        try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(out), CSVFormat.DEFAULT.builder()
                .setHeader("after", "kill_delay_ms", "opened_cleanly", "trials", "complete", "pruned", "failed",
                        "running", "waiting", "requeued", "lost", "missing_numbers", "duplicate_numbers").build())) {
            for (String[] row : rows) csv.printRecord((Object[]) row);
        }
    }

    /** Scenario names as written on the command line: {@code kill-server}. */
    static final class ScenarioName implements picocli.CommandLine.ITypeConverter<Scenario> {
        @Override
        public Scenario convert(String value) {
            return Scenario.valueOf(value.replace('-', '_'));
        }
    }

    /** Empties the work folder of an earlier kill loop; refuses a folder holding anything else. */
    private void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var entries = Files.list(dir)) {
            List<String> foreign = entries.map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith("results") && !name.equals("logs")).toList();
            if (!foreign.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--work " + dir + " holds " + foreign
                        + ", not only an earlier kill loop's results/ and logs/; choose an empty or new folder");
            }
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
        }
    }
}
