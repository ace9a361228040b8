package io.tune4j.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.space.Distribution;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.IntermediateValue;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.StudySummary;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2StudyStoreTest {
    @TempDir
    Path results;

    @Test
    void paramsAttributesAndCurvesComeBackExactlyAsStored() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("learning_rate", 1e-4);
        params.put("units", 64);
        params.put("optimizer", "adam");
        params.put("batch_norm", true);
        params.put("dropout", 0.1 + 0.2); // 0.30000000000000004 must survive the trip
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            StudyRecord study = store.openStudy(definition("s", Direction.MAXIMIZE), "random", 7);
            TrialRecord trial = store.createTrial(study.id(), "host:1");
            store.setParams(trial.id(), params);
            store.setDevice(trial.id(), "cpu:0");
            store.reportIntermediate(trial.id(), 1, Map.of("val_loss", 0.9, "val_accuracy", 0.5));
            store.reportIntermediate(trial.id(), 2, Map.of("val_loss", 0.4, "val_accuracy", 0.8));
            store.setTrialAttribute(trial.id(), "test_accuracy", "0.75");
            store.finishTrial(trial.id(), TrialState.COMPLETE, 0.8, null);
        }
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            StudyRecord study = store.findStudy("s").orElseThrow();
            TrialRecord trial = store.trials(study.id()).get(0);
            assertEquals(params, trial.params());
            assertEquals(Double.class, trial.params().get("learning_rate").getClass());
            assertEquals(Integer.class, trial.params().get("units").getClass());
            assertEquals(Boolean.TRUE, trial.params().get("batch_norm"));
            assertEquals(TrialState.COMPLETE, trial.state());
            assertEquals(0.8, trial.value());
            assertEquals("0.75", trial.attributes().get("test_accuracy"));
            assertEquals("cpu:0", trial.device());
            assertEquals("host:1", trial.worker());
            assertEquals(study.seed(), trial.seed(), "trial 0's seed is the study seed");
            assertTrue(trial.finishedAt() != null && !trial.finishedAt().isBefore(trial.startedAt()));
            assertEquals(List.of(new IntermediateValue(1, "val_accuracy", 0.5), new IntermediateValue(1, "val_loss", 0.9),
                    new IntermediateValue(2, "val_accuracy", 0.8), new IntermediateValue(2, "val_loss", 0.4)),
                    store.intermediateValues(trial.id()));
        }
    }

    @Test
    void numberingAndSeedsContinueAfterReopeningTheFile() {
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            long id = store.openStudy(definition("s", Direction.MINIMIZE), "random", 7).id();
            store.createTrial(id, "w");
            store.createTrial(id, "w");
        }
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            TrialRecord third = store.createTrial(store.openStudy(definition("s", Direction.MINIMIZE), "random", 7).id(), "w");
            assertEquals(2, third.number());
            assertEquals(7 + 2, third.seed());
        }
    }

    @Test
    void concurrentTrialsGetDistinctConsecutiveNumbers() throws Exception {
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            long id = store.openStudy(definition("s", Direction.MINIMIZE), "random", 7).id();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> numbers = new ArrayList<>();
            for (int i = 0; i < 400; i++) numbers.add(pool.submit(() -> store.createTrial(id, "w").number()));
            List<Integer> got = new ArrayList<>();
            for (Future<Integer> n : numbers) got.add(n.get());
            pool.shutdown();
            Collections.sort(got);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 400; i++) expected.add(i);
            assertEquals(expected, got);
        }
    }

    @Test
    void topTrialsFollowTheDirectionAndSkipUnfinishedOnes() {
        try (H2StudyStore store = H2StudyStore.inMemory()) {
            long min = store.openStudy(definition("min", Direction.MINIMIZE), "random", 7).id();
            long max = store.openStudy(definition("max", Direction.MAXIMIZE), "random", 7).id();
            for (long study : new long[] {min, max}) {
                finish(store, study, TrialState.COMPLETE, 0.5);
                finish(store, study, TrialState.COMPLETE, 0.1);
                finish(store, study, TrialState.FAILED, null);
                finish(store, study, TrialState.PRUNED, null);
                finish(store, study, TrialState.COMPLETE, 0.9);
                store.createTrial(study, "w"); // still RUNNING
            }
            assertEquals(List.of(1, 0), numbers(store.topTrials(min, 2)));
            assertEquals(List.of(4, 0, 1), numbers(store.topTrials(max, 10)));

            Map<String, StudySummary> summaries = new LinkedHashMap<>();
            store.studies().forEach(s -> summaries.put(s.name(), s));
            assertEquals(0.1, summaries.get("min").bestValue());
            assertEquals(0.9, summaries.get("max").bestValue());
            assertEquals(3, summaries.get("max").trialsByState().get(TrialState.COMPLETE));
            assertEquals(1, summaries.get("max").trialsByState().get(TrialState.RUNNING));
            assertEquals(6, summaries.get("max").totalTrials());
        }
    }

    @Test
    void aFailedTrialKeepsItsReasonAndNoValue() {
        try (H2StudyStore store = H2StudyStore.inMemory()) {
            long study = store.openStudy(definition("s", Direction.MINIMIZE), "random", 7).id();
            TrialRecord trial = store.createTrial(study, "w");
            TrialRecord failed = store.finishTrial(trial.id(), TrialState.FAILED, null, "diverged at epoch 3");
            assertEquals("diverged at epoch 3", failed.error());
            assertNull(failed.value());
        }
    }

    @Test
    void runsDeclaringTheSpaceOfOneStudyTogetherStoreItOnce() throws Exception {
        List<Distribution> space = List.of(new Distribution("learning_rate", "log_uniform", 1e-4, 1e-1, List.of()),
                new Distribution("optimizer", "choice", null, null, List.of("adam", "sgd")));
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            long study = store.openStudy(definition("s", Direction.MINIMIZE), "random", 7).id();
            ExecutorService runs = Executors.newFixedThreadPool(4);
            List<Future<?>> declared = new ArrayList<>();
            for (int i = 0; i < 40; i++) declared.add(runs.submit(() -> store.declareSpace(study, space)));
            for (Future<?> declaration : declared) declaration.get(); // a broken primary key would throw here
            runs.shutdown();
            int stored = store.read(connection -> {
                try (ResultSet rs = connection.createStatement().executeQuery(
                        "SELECT COUNT(*) FROM study_distributions WHERE study_id = " + study)) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertEquals(2, stored);
        }
    }

    @Test
    void theDocumentedSchemaAnswersPlainSql() throws Exception {
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            long study = store.openStudy(definition("s", Direction.MINIMIZE), "random", 7).id();
            TrialRecord trial = store.createTrial(study, "w");
            store.setParams(trial.id(), Map.of("units", 128));
            store.reportIntermediate(trial.id(), 1, Map.of("val_loss", 0.3));
            store.finishTrial(trial.id(), TrialState.COMPLETE, 0.3, null);
        }
        try (Connection db = DriverManager.getConnection(H2StudyStore.serverUrl(results),
                Credentials.of(results).user(), Credentials.of(results).password());
             ResultSet rs = db.createStatement().executeQuery(
                     "SELECT s.name, t.number, t.objective_value, p.value_num, v.metric_value FROM studies s"
                             + " JOIN trials t ON t.study_id = s.study_id"
                             + " JOIN trial_params p ON p.trial_id = t.trial_id AND p.name = 'units'"
                             + " JOIN trial_values v ON v.trial_id = t.trial_id AND v.metric = 'val_loss'")) {
            assertTrue(rs.next());
            assertEquals("s", rs.getString(1));
            assertEquals(0, rs.getInt(2));
            assertEquals(0.3, rs.getDouble(3));
            assertEquals(128.0, rs.getDouble(4));
            assertEquals(0.3, rs.getDouble(5));
        }
    }

    private static void finish(H2StudyStore store, long study, TrialState state, Double value) {
        store.finishTrial(store.createTrial(study, "w").id(), state, value, null);
    }

    private static List<Integer> numbers(List<TrialRecord> trials) {
        return trials.stream().map(TrialRecord::number).toList();
    }

    private static StudyDefinition definition(String name, Direction direction) {
        return new StudyDefinition(name, direction, "loss", "source of " + name);
    }
}
