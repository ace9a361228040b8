package io.tune4j.search.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.pruner.NopPruner;
import io.tune4j.search.sampler.RandomSampler;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.store.H2StudyStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trials left RUNNING by dead processes are found and re-run, through a real H2 file. */
class StaleTrialsTest {
    private static final SearchSpace SPACE = SearchSpace.builder().uniform("x", -4, 4).build();
    private static final FaultTolerance QUICK = new FaultTolerance(Duration.ofSeconds(1), Duration.ofSeconds(3), 2, 0);

    @Test
    void aTrialOfAnEndedProcessIsRerunWithItsParamsUnderTheNextNumber(@TempDir Path results) throws Exception {
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            Study first = open(store, FaultTolerance.DEFAULTS);
            first.optimize(t -> t.getDouble("x"), 2);
            TrialRecord orphan = leaveRunning(store, first, endedProcess(), Map.of("x", 1.25));

            // The default grace is a minute, but a process of this machine that has ended is dead at once.
            Study resumed = open(store, FaultTolerance.DEFAULTS);
            assertEquals(1, resumed.reclaimed().size());
            TrialRecord failed = resumed.reclaimed().get(0).failed();
            assertEquals(orphan.number(), failed.number());
            assertEquals(TrialState.FAILED, failed.state());
            assertTrue(failed.error().contains("ended while running this trial"), failed.error());

            List<TrialRecord> ran = resumed.optimize(t -> t.getDouble("x"), 2);
            assertEquals(List.of(3, 4), ran.stream().map(TrialRecord::number).toList(), "numbering continues");
            TrialRecord rerun = ran.get(0);
            assertEquals(Map.of("x", 1.25), rerun.params());
            assertEquals(orphan.seed(), rerun.seed(), "same params, same seed: the same trial again");
            assertEquals(TrialState.COMPLETE, rerun.state());
            assertEquals(String.valueOf(orphan.number()), rerun.attributes().get("retry_of"));
            assertEquals("1", rerun.attributes().get("retry"));
            assertEquals("3", store.trials(resumed.record().id()).get(orphan.number()).attributes().get("retried_as"));
            assertNoTrialLeftBehind(store, resumed, 5);
        }
    }

    @Test
    void aTrialWithoutHeartbeatForTheGracePeriodIsReclaimed(@TempDir Path results) throws Exception {
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            Study first = open(store, QUICK);
            // A worker of another machine: only its silence tells it is dead.
            TrialRecord orphan = leaveRunning(store, first, "elsewhere:4242", Map.of("x", -2.0));
            List<Reclaimed> reclaimed = List.of();
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (reclaimed.isEmpty() && System.nanoTime() < giveUp) {
                Thread.sleep(250);
                reclaimed = open(store, QUICK).reclaimed();
            }
            assertEquals(1, reclaimed.size(), "reclaimed once its heartbeat is older than the grace period");
            assertEquals(orphan.number(), reclaimed.get(0).failed().number());
            assertTrue(reclaimed.get(0).failed().error().startsWith("worker elsewhere:4242 stopped sending heartbeats at "),
                    reclaimed.get(0).failed().error());
            assertEquals(Map.of("x", -2.0), reclaimed.get(0).requeued().orElseThrow().params());
            assertEquals(TrialState.WAITING, reclaimed.get(0).requeued().orElseThrow().state());
        }
    }

    @Test
    void aTrialWhoseRetriesAreSpentStaysFailed(@TempDir Path results) throws Exception {
        FaultTolerance oneRetry = new FaultTolerance(Duration.ofSeconds(10), Duration.ofSeconds(60), 1, 0);
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            Study study = open(store, oneRetry);
            leaveRunning(store, study, endedProcess(), Map.of("x", 3.0));
            Reclaimed first = open(store, oneRetry).reclaimed().get(0);
            // The retry dies as well.
            long studyId = study.record().id();
            TrialRecord retry = store.claimWaiting(studyId, endedProcess()).orElseThrow();
            assertEquals(first.requeued().orElseThrow().number(), retry.number());

            List<Reclaimed> second = open(store, oneRetry).reclaimed();
            assertEquals(1, second.size());
            assertEquals(retry.number(), second.get(0).failed().number());
            assertTrue(second.get(0).requeued().isEmpty(), "its one retry is spent");
            assertTrue(store.trials(studyId).stream().allMatch(t -> t.state() == TrialState.FAILED));
        }
    }

    @Test
    void heartbeatsKeepATrialThatReportsNothingAlive(@TempDir Path results) throws Exception {
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            Study study = open(store, QUICK);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<List<TrialRecord>> run = CompletableFuture.supplyAsync(() -> study.optimize(t -> {
                await(release);
                return 1.0;
            }, 1));
            long studyId = study.record().id();
            OffsetDateTime firstBeat = null;
            int changes = 0;
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (changes < 2 && System.nanoTime() < giveUp) {
                Thread.sleep(100);
                List<RunningTrial> running = store.runningTrials(studyId);
                if (running.isEmpty()) continue;
                OffsetDateTime beat = running.get(0).heartbeatAt();
                if (firstBeat != null && !beat.equals(firstBeat)) changes++;
                firstBeat = beat;
            }
            release.countDown();
            assertEquals(2, changes, "the heartbeat moved on while the trial reported nothing");
            assertEquals(TrialState.COMPLETE, run.get(60, TimeUnit.SECONDS).get(0).state());
            assertTrue(store.runningTrials(studyId).isEmpty());
        }
    }

    @Test
    void reopeningWhileAnotherStudyObjectRunsATrialOfThisProcessLeavesIt(@TempDir Path results) throws Exception {
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            Study study = open(store, FaultTolerance.DEFAULTS);
            leaveRunning(store, study, WorkerName.ofThisProcess(), Map.of("x", 0.5));
            assertTrue(open(store, FaultTolerance.DEFAULTS).reclaimed().isEmpty(),
                    "this process is alive and its heartbeat fresh: not stale");
        }
    }

    /** A RUNNING trial with {@code params}, as {@code worker} would have left it. */
    private static TrialRecord leaveRunning(H2StudyStore store, Study study, String worker, Map<String, Object> params) {
        TrialRecord trial = store.createTrial(study.record().id(), worker);
        store.setParams(trial.id(), params);
        return trial;
    }

    /** The name a worker process of this machine had, whose process has ended. */
    static String endedProcess() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String self = WorkerName.ofThisProcess();
        return self.substring(0, self.lastIndexOf(':') + 1) + gone.pid();
    }

    private static void assertNoTrialLeftBehind(H2StudyStore store, Study study, int expectedTrials) {
        List<TrialRecord> trials = store.trials(study.record().id());
        assertEquals(expectedTrials, trials.size());
        for (int i = 0; i < trials.size(); i++) assertEquals(i, trials.get(i).number());
        assertTrue(trials.stream().allMatch(t -> t.state().isFinished()), trials.toString());
    }

    private static Study open(H2StudyStore store, FaultTolerance faults) {
        return Study.open(new StudyDefinition("stale", Direction.MINIMIZE, "v"), SPACE,
                new RandomSampler(1), new NopPruner(), store, faults);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(120, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
