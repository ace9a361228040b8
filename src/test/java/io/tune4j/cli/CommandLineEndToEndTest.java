package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.cli.Tune4jCli.Result;
import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.StudyStore;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import io.tune4j.trainer.data.DatasetLoader;
import io.tune4j.trainer.data.DatasetSplits;
import io.tune4j.trainer.data.Task;
import io.tune4j.trainer.training.Accuracy;
import io.tune4j.trainer.training.TaskMetrics;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The commands a user types, run through the real command line on the shipped iris space file. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandLineEndToEndTest {
    private Path results;
    private Result firstRun;

    @BeforeAll
    void runIrisStudy(@TempDir Path shared) {
        results = shared;
        firstRun = tune4j("run", "spaces/iris-mlp.yaml", "--results", results.toString(), "--no-progress");
    }

    @Test
    @Order(1)
    void runStoresEveryTrialAndEveryEpochInTheH2File() throws Exception {
        assertEquals(0, firstRun.exitCode(), firstRun.err());
        assertTrue(firstRun.out().contains("best trial exported to"), firstRun.out());
        // No terminal here (as in a pipe or a CI log): one line per finished trial, no animation frames.
        assertEquals(3, firstRun.out().lines()
                .filter(l -> l.matches("trial [0-2] COMPLETE 0\\.\\d{4} in \\d+\\.\\d s, \\d+ epochs: .*learning_rate=.*"))
                .count(), firstRun.out());
        assertFalse(firstRun.out().contains("epoch 1/"), "no live lines without a terminal: " + firstRun.out());
        // As a user opens it in plain SQL: the data account of the generated, owner-only credentials file.
        Properties credentials = new Properties();
        try (Reader in = Files.newBufferedReader(results.resolve("tune4j.credentials"))) {
            credentials.load(in);
        }
        // Through the folder's database server (it holds the file a minute after the run), as the README shows.
        try (Connection db = DriverManager.getConnection(H2StudyStore.serverUrl(results),
                credentials.getProperty("user"), credentials.getProperty("password"));
             ResultSet trials = db.createStatement().executeQuery(
                     "SELECT t.number, t.state, (SELECT COUNT(*) FROM trial_values v WHERE v.trial_id = t.trial_id),"
                             + " (SELECT a.attr_value FROM trial_attrs a WHERE a.trial_id = t.trial_id"
                             + " AND a.name = 'epochs_trained') FROM trials t ORDER BY t.number")) {
            int rows = 0;
            while (trials.next()) {
                rows++;
                assertEquals("COMPLETE", trials.getString(2));
                int epochs = Integer.parseInt(trials.getString(4));
                assertEquals(TaskMetrics.reported(Task.CLASSIFICATION).size() * epochs, trials.getInt(3),
                        "every train_ and val_ metric every epoch");
            }
            assertEquals(3, rows);
        }
    }

    @Test
    @Order(2)
    void studiesAndLeaderboardListTheStudy() {
        Result studies = tune4j("studies", "--results", results.toString());
        assertEquals(0, studies.exitCode(), studies.err());
        assertTrue(studies.out().contains("iris-mlp"), studies.out());
        assertTrue(studies.out().lines().anyMatch(l -> l.matches(
                "\\|\\s+study\\s+\\|.*\\|\\s+trials\\s+\\|\\s+waiting\\s+\\|\\s+running\\s+\\|\\s+complete\\s+\\|"
                        + "\\s+pruned\\s+\\|\\s+failed\\s+\\|.*")), "a column for every state: " + studies.out());

        Result board = tune4j("leaderboard", "iris-mlp", "--top", "2", "--results", results.toString());
        assertEquals(0, board.exitCode(), board.err());
        assertTrue(board.out().contains("learning_rate"), board.out());
        assertEquals(2, board.out().lines().filter(l -> l.matches("\\|\\s+[12]\\s+\\|.*COMPLETE.*")).count(),
                board.out());
    }

    @Test
    @Order(3)
    void trialsListsEveryTrialAndFailedOnesWithTheirReason() throws Exception {
        try (StudyStore store = H2StudyStore.openFile(results)) {
            long study = store.findStudy("iris-mlp").orElseThrow().id();
            TrialRecord broken = store.createTrial(study, "test");
            store.finishTrial(broken.id(), TrialState.FAILED, null, "diverged at epoch 2: training loss is NaN");
        }
        Result all = tune4j("trials", "iris-mlp", "--results", results.toString());
        assertEquals(0, all.exitCode(), all.err());
        assertEquals(4, all.out().lines().filter(l -> l.matches("\\|\\s+\\d+\\s+\\|.*")).count(), all.out());
        Result failed = tune4j("trials", "iris-mlp", "--state", "failed", "--results", results.toString());
        assertTrue(failed.out().contains("diverged at epoch 2"), failed.out());
        assertEquals(1, failed.out().lines().filter(l -> l.contains("FAILED")).count(), failed.out());
    }

    @Test
    @Order(4)
    void trialsShowsARunningTrialWithItsLatestEpochAndValue() {
        TrialRecord running;
        try (StudyStore store = H2StudyStore.openFile(results)) {
            running = store.createTrial(store.findStudy("iris-mlp").orElseThrow().id(), "test");
            store.reportIntermediate(running.id(), 1, Map.of("val_accuracy", 0.5, "val_loss", 0.9));
            store.reportIntermediate(running.id(), 2, Map.of("val_accuracy", 0.75, "val_loss", 0.6));
        }
        Result trials = tune4j("trials", "iris-mlp", "--state", "running", "--results", results.toString());
        assertEquals(0, trials.exitCode(), trials.err());
        assertTrue(trials.out().lines().anyMatch(l -> l.matches("\\|\\s+" + running.number()
                + "\\s+\\|\\s+RUNNING\\s+\\|\\s+0\\.7500\\s+\\|\\s+2\\s+\\|\\s+\\d+\\.\\d\\s+\\|.*")),
                "the objective metric of its latest epoch, the epoch, its seconds so far: " + trials.out());
        try (StudyStore store = H2StudyStore.openFile(results)) {
            store.finishTrial(running.id(), TrialState.FAILED, null, "test over");
        }
    }

    @Test
    @Order(5)
    void exportedModelReloadsWithTheRecordedValidationAccuracy() throws Exception {
        Result export = tune4j("export", "iris-mlp", "--top", "2", "--results", results.toString());
        assertEquals(0, export.exitCode(), export.err());
        try (StudyStore store = H2StudyStore.openFile(results)) {
            StudyRecord study = store.findStudy("iris-mlp").orElseThrow();
            List<TrialRecord> best = store.topTrials(study.id(), 2);
            StudyPlan plan = StudyFile.parse(study.definition().source(), results, "stored");
            DatasetSplits data = DatasetLoader.load(plan.data());
            for (int rank = 1; rank <= 2; rank++) {
                Path dir = results.resolve("iris-mlp").resolve("best-" + rank);
                assertTrue(Files.exists(dir.resolve("params.yaml")));
                assertTrue(Files.readString(dir.resolve("network.json")).contains("\"confs\""));
                double accuracy = Accuracy.ofSavedModel(dir.resolve("model.zip"), data.validation());
                assertEquals(best.get(rank - 1).value(), accuracy, 1e-9);
            }
        }
    }

    @Test
    @Order(6)
    void exportedParamsFileReproducesTheTrialEveryTimeItRuns() throws Exception {
        Path params = results.resolve("iris-mlp").resolve("best-1").resolve("params.yaml");
        // Run twice: the second run continues the file's study (its trial 1), and must still train the same.
        for (int run = 1; run <= 2; run++) {
            Result rerun = tune4j("run", params.toString(), "--results", results.toString(), "--no-progress");
            assertEquals(0, rerun.exitCode(), rerun.err());
        }
        try (StudyStore store = H2StudyStore.openFile(results)) {
            TrialRecord original = store.topTrials(store.findStudy("iris-mlp").orElseThrow().id(), 1).get(0);
            String rerunName = "iris-mlp-trial-" + original.number();
            List<TrialRecord> again = store.trials(store.findStudy(rerunName).orElseThrow().id());
            assertEquals(2, again.size());
            for (TrialRecord run : again) {
                assertEquals(TrialState.COMPLETE, run.state());
                assertEquals(original.params(), run.params());
                assertEquals(original.value(), run.value(), 1e-9, "run " + run.number() + " of the exported params.yaml");
            }
        }
    }

    @Test
    @Order(7)
    void continuingAStudyNumbersOnAndTrialsFlagOverridesTheFile() throws Exception {
        Result more = tune4j("run", "spaces/iris-mlp.yaml", "--trials", "1", "--results", results.toString(),
                "--no-progress");
        assertEquals(0, more.exitCode(), more.err());
        try (StudyStore store = H2StudyStore.openFile(results)) {
            List<TrialRecord> trials = store.trials(store.findStudy("iris-mlp").orElseThrow().id());
            assertEquals(List.of(0, 1, 2, 3, 4, 5), trials.stream().map(TrialRecord::number).toList(),
                    "3 trials, the two added by the trials tests, and the one just run");
        }
    }

    @Test
    void aRunCutShortByItsTimeoutSaysSoAndHowToContinue(@TempDir Path dir) {
        Result run = tune4j("run", "spaces/iris-mlp.yaml", "--trials", "50", "--timeout", "1s", "--results",
                dir.toString());
        assertEquals(0, run.exitCode(), "a timeout is a budget, not a failure: " + run.err());
        assertTrue(run.err().matches("tune4j: study stopped early: the timeout passed \\((\\d+) of 50 trials ran\\);"
                + " continue with: \\./tune4j run spaces/iris-mlp\\.yaml --timeout 1s --results "
                + java.util.regex.Pattern.quote(dir.toString()) + " --trials \\d+\\R"), run.err());
    }

    @Test
    void aBadSpaceFileExitsNonZeroWithFileLineAndKeyAndWritesNothing(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "study: bad\ndataset: iris\nspace:\n  learning_rate: {log_uniform: [0.0, 0.1]}\n");
        Path emptyResults = dir.resolve("results");
        Result run = tune4j("run", bad.toString(), "--results", emptyResults.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("bad.yaml:4"), run.err());
        assertTrue(run.err().contains("learning_rate"), run.err());
        assertFalse(Files.exists(emptyResults), "nothing may be written for a bad space file");
    }

    @Test
    void aMissingCsvCellExitsNonZeroNamingLineAndColumnAndWritesNothing(@TempDir Path dir) throws Exception {
        StringBuilder rows = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 20; i++) rows.append(i).append(',').append(i == 7 ? "n/a" : "1").append(',').append(i % 2).append('\n');
        Files.writeString(dir.resolve("data.csv"), rows.toString());
        Path space = dir.resolve("csv.yaml");
        Files.writeString(space, "study: csv\ndataset: {csv: {path: data.csv, label: last}}\nsearch: {trials: 1}\n"
                + "training: {epochs: 1}\nspace:\n  units: 4\n");
        Path emptyResults = dir.resolve("results");
        Result run = tune4j("run", space.toString(), "--results", emptyResults.toString(), "--no-progress");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("data.csv line 9, column 2 ('b'): missing value ('n/a'); declare missing:"), run.err());
        assertFalse(Files.exists(emptyResults));
    }

    @Test
    void aTrialsFlagBelowOneIsRefused(@TempDir Path dir) {
        Result run = tune4j("run", "spaces/iris-mlp.yaml", "--trials", "0", "--results", dir.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--trials must be > 0"), run.err());
    }

    @Test
    void readingCommandsOnAMissingDatabaseSaySoAndCreateNothing(@TempDir Path dir) {
        Result studies = tune4j("studies", "--results", dir.resolve("none").toString());
        assertEquals(2, studies.exitCode());
        assertTrue(studies.err().contains("no results database"), studies.err());
        assertFalse(Files.exists(dir.resolve("none")));
    }

    private static Result tune4j(String... args) {
        return Tune4jCli.run(args);
    }

}
