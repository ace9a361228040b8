package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped like Ctrl-C does (SIGTERM here, as a preempted machine gets) leaves no trial RUNNING for ever,
 * and the next run tries the interrupted trials' params first.
 */
class StoppedRunTest {

    @Test
    void theTrialRunningWhenTheRunIsStoppedIsRecordedAsInterruptedAndRunAgainByTheNextRun(@TempDir Path results)
            throws Exception {
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "spaces/digits-mlp.yaml", "--trials", "200", "--no-progress", "--results", results.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream()));
        assertTrue(out.readLine().startsWith("study digits-mlp"), "the run started");
        Thread.sleep(3000); // trials take about 1.5 s here: some have finished, one per worker is running
        run.destroy();
        assertTrue(run.waitFor(60, TimeUnit.SECONDS), "the run stops");

        TrialRecord waiting;
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            List<TrialRecord> trials = store.trials(store.findStudy("digits-mlp").orElseThrow().id());
            // Without the shutdown hook, the trials in flight would stay RUNNING for ever. A trial that
            // manages to finish while the run shuts down keeps its real result; any other says why it ended.
            assertTrue(trials.size() < 200, "the run was stopped mid-study");
            assertTrue(trials.stream().noneMatch(t -> t.state() == TrialState.RUNNING), trials.toString());
            List<TrialRecord> failed = trials.stream().filter(t -> t.state() == TrialState.FAILED).toList();
            assertTrue(failed.stream().allMatch(t -> t.error().startsWith("interrupted")), failed.toString());
            for (TrialRecord interrupted : failed) {
                TrialRecord copy = trials.get(Integer.parseInt(interrupted.attributes().get("retried_as")));
                assertEquals(TrialState.WAITING, copy.state());
                assertEquals(interrupted.params(), copy.params());
                assertEquals(interrupted.seed(), copy.seed());
            }
            // Every trial in flight at the stop got a copy, even one that then finished in time to keep its result.
            waiting = trials.stream().filter(t -> t.state() == TrialState.WAITING).findFirst()
                    .orElseThrow(() -> new AssertionError("no trial was queued again: " + trials));
        }

        Tune4jCli.Result next = Tune4jCli.run("run", "spaces/digits-mlp.yaml", "--trials", "1", "--no-progress",
                "--results", results.toString());
        assertEquals(0, next.exitCode(), next.err());
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            TrialRecord rerun = store.trials(store.findStudy("digits-mlp").orElseThrow().id()).get(waiting.number());
            assertTrue(rerun.state().isFinished(), "the next run ran the waiting copy first: " + rerun);
            assertEquals(waiting.params(), rerun.params());
        }
    }
}
