package io.tune4j.search.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.pruner.MedianPruner;
import io.tune4j.search.sampler.LambdaSampler;
import io.tune4j.search.sampler.RandomSampler;
import io.tune4j.search.sampler.Sampler;
import io.tune4j.search.sampler.tpe.TpeSampler;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.store.H2StudyStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A study driven by a loop of the caller's own: ask for a trial, evaluate it anywhere, tell how it ended. */
class AskAndTellTest {
    static final SearchSpace SPACE = SearchSpace.builder().uniform("x", -4, 4).integer("k", 1, 3).build();
    static final StudyDefinition DEFINITION = new StudyDefinition("outside", Direction.MINIMIZE, "loss");

    static double objective(Map<String, Object> params) {
        double x = ((Number) params.get("x")).doubleValue();
        return (x - 1) * (x - 1) + ((Number) params.get("k")).intValue();
    }

    @Test
    void askedTrialsCarrySampledParamsAndToldValuesMakeTheBest() {
        try (H2StudyStore store = H2StudyStore.inMemory()) {
            Study study = Study.open(DEFINITION, SPACE, new TpeSampler(5), store);
            for (int i = 0; i < 30; i++) {
                Trial trial = study.ask();
                assertEquals(i, trial.number());
                assertEquals(TrialState.RUNNING, store.trial(study.record().id(), i).orElseThrow().state());
                TrialRecord told = study.tell(trial, objective(trial.params()));
                assertEquals(TrialState.COMPLETE, told.state());
                assertEquals(trial.params(), Map.copyOf(told.params()));
            }
            TrialRecord best = study.bestTrial().orElseThrow();
            assertEquals(best.value(), store.topTrials(study.record().id(), 1).get(0).value());
            assertTrue(best.value() < 1.5, "30 TPE trials get near the minimum 1 at x=1, k=1: " + best);
        }
    }

    @Test
    void theSamplerSeesTrialsAskedAndNotYetTold() {
        List<List<Map<String, Object>>> pendingSeen = new ArrayList<>();
        RandomSampler random = new RandomSampler(2);
        Sampler watching = LambdaSampler.of(context -> {
            pendingSeen.add(List.copyOf(context.pending()));
            return random.suggest(context);
        });
        try (H2StudyStore store = H2StudyStore.inMemory()) {
            Study study = Study.open(DEFINITION, SPACE, watching, store);
            Trial first = study.ask();
            Trial second = study.ask();
            assertEquals(List.of(List.of(), List.of(first.params())), pendingSeen);
            study.tell(second, 1.0);
            study.tell(first, 2.0);
            study.ask();
            assertEquals(List.of(), pendingSeen.get(2), "told trials are pending no more");
        }
    }

    @Test
    void prunedKeepsTheLastReportedValueAndFailedKeepsNone() {
        try (H2StudyStore store = H2StudyStore.inMemory()) {
            Study study = Study.open(DEFINITION, SPACE, new RandomSampler(1), new MedianPruner(0, 1), store);
            Trial pruned = study.ask();
            pruned.report(0, Map.of("loss", 3.0));
            pruned.report(1, Map.of("loss", 2.5));
            TrialRecord prunedRecord = study.tell(pruned, TrialState.PRUNED);
            assertEquals(TrialState.PRUNED, prunedRecord.state());
            assertEquals(2.5, prunedRecord.value());
            assertEquals("1", prunedRecord.attributes().get("pruned_at_epoch"));
            TrialRecord failed = study.tell(study.ask(), TrialState.FAILED);
            assertEquals(TrialState.FAILED, failed.state());
            assertEquals(null, failed.value());
            assertEquals(TrialState.FAILED, study.tell(study.ask(), Double.NaN).state());
            assertThrows(IllegalArgumentException.class, () -> study.tell(study.ask(), TrialState.COMPLETE));
            assertTrue(study.bestTrial().isEmpty(), "no trial completed");
        }
    }

    @Test
    void enqueuedParamsAreAskedFirstAndPointsOutsideTheSpaceAreRefused() {
        try (H2StudyStore store = H2StudyStore.inMemory()) {
            Study study = Study.open(DEFINITION, SPACE, new TpeSampler(5), store);
            Map<String, Object> known = Map.of("x", 1.0, "k", 1);
            TrialRecord queued = study.enqueue(known, false).orElseThrow();
            assertEquals(TrialState.WAITING, queued.state());
            assertEquals("true", queued.attributes().get(StudyStore.ENQUEUED));
            Trial first = study.ask();
            assertEquals(known, first.params());
            assertEquals(0, first.number());
            study.tell(first, objective(first.params()));
            assertTrue(study.enqueue(known, true).isEmpty(), "tried already: not queued again");
            assertThrows(IllegalArgumentException.class, () -> study.enqueue(Map.of("x", 9.0, "k", 1), false));
            assertEquals(1, store.trials(study.record().id()).size());
        }
    }

    @Test
    void aTrialIsToldOnce() {
        try (H2StudyStore store = H2StudyStore.inMemory()) {
            Study study = Study.open(DEFINITION, SPACE, new RandomSampler(1), store);
            Trial trial = study.ask();
            study.tell(trial, 1.0);
            IllegalStateException twice = assertThrows(IllegalStateException.class, () -> study.tell(trial, 0.5));
            assertEquals("trial 0 of study 'outside' is COMPLETE already", twice.getMessage());
            assertEquals(1.0, store.trial(study.record().id(), 0).orElseThrow().value());
            assertThrows(IllegalArgumentException.class, () -> study.tell(7, 1.0));
        }
    }

    @Test
    void anotherProcessAsksAndTellsOnTheSameFile(@TempDir Path results) throws Exception {
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            Study here = Study.open(DEFINITION, SPACE, new TpeSampler(3), store);
            Trial asked = here.ask();
            Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ExternalLoop.class.getName(), results.toString(),
                    String.valueOf(asked.number()))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String line = new BufferedReader(new InputStreamReader(other.getInputStream())).readLine();
            assertTrue(other.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, other.exitValue());
            assertEquals("asked 1", line, "numbers stay unique across processes");

            List<TrialRecord> trials = store.trials(here.record().id());
            assertEquals(List.of(TrialState.COMPLETE, TrialState.COMPLETE), trials.stream().map(TrialRecord::state).toList());
            assertEquals(objective(asked.params()), trials.get(0).value(), "told by the other process, by number");
            assertThrows(IllegalStateException.class, () -> here.tell(asked, 99.0));
            Trial next = here.ask();
            assertEquals(2, next.number());
            assertEquals(2, here.finishedTrials().size(), "the other process's tells reach this sampler's history");
            assertEquals(Math.min(trials.get(0).value(), trials.get(1).value()), here.bestTrial().orElseThrow().value());
            assertNotEquals(asked.params(), next.params());
            here.tell(next, objective(next.params()));
            assertEquals(3, store.trials(here.record().id()).stream().filter(t -> t.state() == TrialState.COMPLETE).count());
        }
    }
}
