package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of a real run mid-trial, then ./tune4j run again: the killed trial runs again with its params. */
class KilledRunResumeTest {

    @Test
    void theTrialAKilledRunWasRunningIsRerunWithTheSameParams(@TempDir Path results) throws Exception {
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "spaces/iris-mlp.yaml", "--trials", "200", "--no-progress", "--results", results.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<TrialRecord> victims;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream()));
            assertTrue(out.readLine().startsWith("study iris-mlp"), "the run started");
            awaitOneFinishedAndOneRunning(results);
        } finally {
            run.destroyForcibly(); // SIGKILL: no hook, no handler, nothing recorded
            assertTrue(run.waitFor(60, TimeUnit.SECONDS));
        }
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            victims = trials(store).stream().filter(t -> t.state() == TrialState.RUNNING).toList();
        }
        assertFalse(victims.isEmpty(), "the killed run left its trial RUNNING");

        Tune4jCli.Result resumed = Tune4jCli.run("run", "spaces/iris-mlp.yaml", "--trials", "2", "--no-progress",
                "--results", results.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("re-queued as trial"), resumed.out());

        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            List<TrialRecord> trials = trials(store);
            Map<Integer, TrialRecord> byNumber = trials.stream().collect(Collectors.toMap(TrialRecord::number, t -> t));
            for (int n = 0; n < trials.size(); n++) assertTrue(byNumber.containsKey(n), "numbers 0.." + n + " all there");
            assertTrue(trials.stream().allMatch(t -> t.state().isFinished()), "nothing RUNNING or WAITING: " + trials);
            for (TrialRecord victim : victims) {
                TrialRecord failed = byNumber.get(victim.number());
                assertEquals(TrialState.FAILED, failed.state());
                assertTrue(failed.error().contains("ended while running this trial"), failed.error());
                TrialRecord rerun = byNumber.get(Integer.parseInt(failed.attributes().get("retried_as")));
                assertTrue(rerun.number() > victim.number(), "numbering continues");
                assertEquals(victim.params(), rerun.params());
                assertEquals(victim.seed(), rerun.seed());
                assertEquals(String.valueOf(victim.number()), rerun.attributes().get("retry_of"));
                assertEquals(TrialState.COMPLETE, rerun.state(), String.valueOf(rerun.error()));
            }
        }
    }

    /** Reads the study the child serves (H2 AUTO_SERVER) until a trial has finished and another runs. */
    private static void awaitOneFinishedAndOneRunning(Path results) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < giveUp) {
            try (H2StudyStore store = H2StudyStore.openFile(results)) {
                List<TrialRecord> trials = store.findStudy("iris-mlp").isPresent() ? trials(store) : List.of();
                if (trials.stream().anyMatch(t -> t.state().isFinished())
                        && trials.stream().anyMatch(t -> t.state() == TrialState.RUNNING)) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the run never had a finished and a running trial");
    }

    private static List<TrialRecord> trials(H2StudyStore store) {
        return store.trials(store.findStudy("iris-mlp").orElseThrow().id());
    }
}
