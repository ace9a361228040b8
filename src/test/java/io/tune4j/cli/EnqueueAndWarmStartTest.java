package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.StudyStore;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import io.tune4j.store.query.H2StudyQueries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warm starts and continuing through the real command line, with real iris training: params queued from a
 * space file or an exported params.yaml run first, another study feeds the sampler, and a changed space is
 * refused unless allowed.
 */
class EnqueueAndWarmStartTest {
    private static final String SPACE = """
            study: %s
            dataset: iris
            objective: {metric: val_accuracy, direction: maximize}
            search: {sampler: tpe, seed: 3%s}
            training: {epochs: 2}
            space:
              learning_rate: {log_uniform: [1.0e-3, 1.0e-1]}
              units: {int: [4, 16]}
            """;

    @TempDir
    Path dir;

    private Path results() {
        return dir.resolve("results");
    }

    private Path spaceFile(String study, String searchExtra) throws IOException {
        return Files.writeString(dir.resolve(study + ".yaml"), SPACE.formatted(study, searchExtra));
    }

    private Tune4jCli.Result run(Path space, String... more) {
        List<String> args = new ArrayList<>(List.of("run", space.toString(), "--results",
                results().toString(), "--no-progress"));
        args.addAll(List.of(more));
        return Tune4jCli.run(args.toArray(String[]::new));
    }

    private List<TrialRecord> trials(String study) {
        try (H2StudyStore store = H2StudyStore.openFile(results())) {
            return store.trials(store.findStudy(study).orElseThrow().id());
        }
    }

    @Test
    void spaceFilePointsRunFirstOnceAndAnExportedParamsFileIsEnqueued() throws IOException {
        Path space = spaceFile("queued", ", trials: 2, enqueue: [{learning_rate: 0.05, units: 12}]");
        Tune4jCli.Result first = run(space);
        assertEquals(0, first.exitCode(), first.err());
        TrialRecord zero = trials("queued").get(0);
        assertEquals(Map.of("learning_rate", 0.05, "units", 12), Map.copyOf(zero.params()));
        assertEquals("true", zero.attributes().get(StudyStore.ENQUEUED));

        // Continuing the study does not queue the file's point again.
        assertEquals(0, run(space, "--trials", "1").exitCode());
        assertEquals(1, trials("queued").stream().filter(t -> t.attributes().containsKey(StudyStore.ENQUEUED)).count());

        Path params = results().resolve("queued/best-1/params.yaml");
        assertTrue(Files.exists(params));
        Tune4jCli.Result enqueued = Tune4jCli.run("enqueue", "queued", params.toString(), "--results",
                results().toString());
        assertEquals(0, enqueued.exitCode(), enqueued.err());
        assertTrue(enqueued.out().startsWith("enqueued trial 3 of queued"), enqueued.out());
        assertEquals(TrialState.WAITING, trials("queued").get(3).state());

        assertEquals(0, run(space, "--trials", "1").exitCode());
        TrialRecord rerun = trials("queued").get(3);
        assertEquals(TrialState.COMPLETE, rerun.state());
        TrialRecord best = trials("queued").stream().filter(t -> t.number() < 3)
                .max(Comparator.comparing(TrialRecord::value)).orElseThrow();
        assertEquals(best.params(), rerun.params(), "the exported params ran as queued");
    }

    @Test
    void paramsOutsideTheSpaceAreRefusedAtTheirLineAndNothingIsQueued() throws IOException {
        assertEquals(0, run(spaceFile("strict", ", trials: 1")).exitCode());
        Path params = Files.writeString(dir.resolve("p.yaml"), "learning_rate: 0.5\nunits: 8\n");
        Tune4jCli.Result refused = Tune4jCli.run("enqueue", "strict", params.toString(), "--results",
                results().toString());
        assertEquals(2, refused.exitCode());
        assertEquals("tune4j: " + params + ":1: learning_rate: param 'learning_rate' = 0.5 is outside log_uniform"
                + " [0.001, 0.1]", refused.err().strip());
        assertEquals(1, trials("strict").size());
    }

    @Test
    void aChangedSpaceIsRefusedByNameUnlessAllowedAndThenRecorded() throws IOException {
        assertEquals(0, run(spaceFile("moving", ", trials: 1")).exitCode());
        Path wider = Files.writeString(dir.resolve("moving.yaml"), SPACE.formatted("moving", ", trials: 1")
                .replace("[1.0e-3, 1.0e-1]", "[1.0e-4, 1.0e-1]"));
        Tune4jCli.Result refused = run(wider);
        assertEquals(2, refused.exitCode());
        assertEquals("tune4j: " + wider + ": study 'moving' exists with other settings: space changed: learning_rate"
                + " log_uniform [0.001, 0.1] -> [1e-4, 0.1]; to continue it anyway: --allow-changes",
                refused.err().strip());
        assertEquals(1, trials("moving").size());

        Tune4jCli.Result allowed = run(wider, "--allow-changes", "--sampler", "random");
        assertEquals(0, allowed.exitCode(), allowed.err());
        assertEquals(2, trials("moving").size());
        try (H2StudyStore store = H2StudyStore.openFile(results())) {
            StudyRecord study = store.findStudy("moving").orElseThrow();
            assertEquals("random", study.sampler());
            String note = new H2StudyQueries(store).studyNote(study.id()).orElseThrow().markdown();
            assertTrue(note.startsWith("Continued with changes allowed at 20"), note);
            assertTrue(note.endsWith("sampler changed: tpe -> random; space changed: learning_rate log_uniform"
                    + " [0.001, 0.1] -> [1e-4, 0.1]"), note);
        }
    }

    @Test
    void anotherStudyWarmStartsTheSampler() throws IOException {
        assertEquals(0, run(spaceFile("before", ", trials: 3")).exitCode());
        Tune4jCli.Result warm = run(spaceFile("after", ", trials: 1"), "--warm-start-from", "before");
        assertEquals(0, warm.exitCode(), warm.err());
        assertTrue(warm.out().contains("warm start: 3 finished trials of before feed the sampler"), warm.out());
        assertEquals(1, trials("after").size());

        Path loss = Files.writeString(dir.resolve("loss.yaml"), SPACE.formatted("loss", ", trials: 1")
                .replace("{metric: val_accuracy, direction: maximize}", "{metric: val_loss, direction: minimize}"));
        Tune4jCli.Result refused = run(loss, "--warm-start-from", "before");
        assertEquals(2, refused.exitCode());
        assertEquals("tune4j: --warm-start-from: study 'before' is judged by val_accuracy (maximize), this one by"
                + " val_loss (minimize): its values cannot warm-start it", refused.err().strip());
        try (H2StudyStore store = H2StudyStore.openFile(results())) {
            assertTrue(store.findStudy("loss").isEmpty(), "nothing written");
        }
    }
}
