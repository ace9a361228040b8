package io.tune4j.dashboard;

import io.tune4j.search.space.Distribution;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import io.tune4j.store.query.H2StudyQueries;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A results database for the dashboard tests, written through the store's own API: study "demo" (maximize
 * val_accuracy) whose trial n has learning rate 0.001 * (n + 1), value 0.5 + n / 100 (so trial 11 is best),
 * three epochs of curves; trial 3 failed, trial 4 was pruned; its space is declared ({@link #SPACE}). And a study
 * whose name and a param are HTML.
 */
final class DemoDatabase {
    static final String HOSTILE_NAME = "<script>window.pwned = 1</script>";
    static final String HOSTILE_PARAM = "<img src=x onerror=\"window.pwned = 2\">";
    static final int TRIALS = 12;

    /** The space "demo" declares: its charts draw lr on a log axis over [0.001, 0.1], optimizer as sgd, adam. */
    static final SearchSpace SPACE = SearchSpace.builder().logUniform("lr", 0.001, 0.1).choice("optimizer", "sgd", "adam")
            .build();

    private DemoDatabase() {}

    static H2StudyStore create(Path dir) {
        H2StudyStore store = H2StudyStore.openFile(dir);
        long demo = store.openStudy(new StudyDefinition("demo", Direction.MAXIMIZE, "val_accuracy"), "random", 7).id();
        store.declareSpace(demo, Distribution.of(SPACE));
        for (int n = 0; n < TRIALS; n++) {
            TrialState state = n == 3 ? TrialState.FAILED : n == 4 ? TrialState.PRUNED : TrialState.COMPLETE;
            addTrial(store, demo, 0.001 * (n + 1), n % 2 == 0 ? "adam" : "sgd", 0.5 + n / 100.0, state);
        }
        long hostile = store.openStudy(new StudyDefinition(HOSTILE_NAME, Direction.MINIMIZE, "loss"), "random", 1).id();
        TrialRecord trial = store.createTrial(hostile, "test");
        store.setParams(trial.id(), Map.of("note", HOSTILE_PARAM));
        store.finishTrial(trial.id(), TrialState.COMPLETE, 0.25, null);
        return store;
    }

    /** Adds one finished trial with three epochs of curves; returns it. */
    static TrialRecord addTrial(H2StudyStore store, long study, double learningRate, String optimizer, double value,
                                TrialState state) {
        TrialRecord trial = store.createTrial(study, "test:1");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("lr", learningRate);
        params.put("optimizer", optimizer);
        store.setParams(trial.id(), params);
        store.setDevice(trial.id(), "cpu:0");
        for (int epoch = 1; epoch <= 3; epoch++) {
            store.reportIntermediate(trial.id(), epoch, Map.of("val_accuracy", value * epoch / 3,
                    "val_loss", 1 - value * epoch / 3));
        }
        return store.finishTrial(trial.id(), state, state == TrialState.COMPLETE ? value : null,
                state == TrialState.FAILED ? "diverged: loss is NaN" : null);
    }
}
