package io.tune4j.dashboard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import io.tune4j.store.query.H2StudyQueries;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample the param plots and the importance share: read once, read again when a trial completes. */
class CompleteSamplesTest {

    @Test
    void theSampleIsKeptUntilTheStudysCompleteTrialsChange(@TempDir Path results) {
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            long study = store.openStudy(new StudyDefinition("s", Direction.MINIMIZE, "loss"), "random", 1).id();
            finish(store, study, 0.5, TrialState.COMPLETE);
            finish(store, study, 0.4, TrialState.COMPLETE);
            CompleteSamples samples = new CompleteSamples(new H2StudyQueries(store), 2000);

            List<TrialRecord> first = samples.of(study);
            assertEquals(2, first.size());
            finish(store, study, 0.3, TrialState.FAILED);
            assertSame(first, samples.of(study), "a failed trial does not change the sample: no second read");
            finish(store, study, 0.2, TrialState.COMPLETE);
            assertEquals(List.of(0, 1, 3), samples.of(study).stream().map(TrialRecord::number).toList());
        }
    }

    private static void finish(H2StudyStore store, long study, double x, TrialState state) {
        TrialRecord trial = store.createTrial(study, "test");
        store.setParams(trial.id(), Map.of("x", x));
        store.finishTrial(trial.id(), state, state == TrialState.COMPLETE ? x : null, null);
    }
}
