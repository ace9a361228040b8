package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.sampler.RandomSampler;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.Study;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.store.H2StudyStore;
import io.tune4j.store.query.H2StudyQueries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tune4j studies rename|copy|delete}: a study moves, doubles or goes with its trials and its files. */
class StudiesManagementTest {
    private static final SearchSpace SPACE = SearchSpace.builder().uniform("x", -4, 4).build();

    @TempDir
    Path results;

    @BeforeEach
    void aStudyWithTrialsCurvesANoteAndAKeptModel() throws IOException {
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            Study study = Study.open(new StudyDefinition("old", Direction.MINIMIZE, "loss"), SPACE,
                    new RandomSampler(3), store);
            study.optimize(trial -> {
                trial.report(0, Map.of("loss", 9.0));
                trial.setAttribute("epochs_trained", "1");
                return trial.getDouble("x") * trial.getDouble("x");
            }, 3);
            store.noteStudy(study.record().id(), "the first try");
            store.noteTrial(study.record().id(), 1, "odd");
        }
        Files.createDirectories(results.resolve("old/models"));
        Files.writeString(results.resolve("old/models/trial-1.zip"), "a model");
    }

    @Test
    void renameMovesTheStudyAndItsFolder() {
        Tune4jCli.Result renamed = cli("studies", "rename", "old", "new");
        assertEquals(0, renamed.exitCode(), renamed.err());
        assertEquals("renamed study old to new", renamed.out().strip());
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            assertTrue(store.findStudy("old").isEmpty());
            StudyRecord study = store.findStudy("new").orElseThrow();
            assertEquals(3, store.trials(study.id()).size());
            assertEquals("random", study.sampler());
        }
        assertFalse(Files.exists(results.resolve("old")));
        assertTrue(Files.exists(results.resolve("new/models/trial-1.zip")));
        assertEquals(0, cli("leaderboard", "new").exitCode());
    }

    @Test
    void copyIsAWholeIndependentStudy() throws IOException {
        assertEquals(0, cli("studies", "copy", "old", "twin").exitCode());
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            StudyRecord old = store.findStudy("old").orElseThrow();
            StudyRecord twin = store.findStudy("twin").orElseThrow();
            List<TrialRecord> original = store.trials(old.id());
            List<TrialRecord> copied = store.trials(twin.id());
            assertEquals(original.stream().map(this::content).toList(), copied.stream().map(this::content).toList());
            assertEquals(store.intermediateValues(original.get(2).id()), store.intermediateValues(copied.get(2).id()));
            H2StudyQueries queries = new H2StudyQueries(store);
            assertEquals("the first try", queries.studyNote(twin.id()).orElseThrow().markdown());
            assertEquals("odd", queries.trialNote(twin.id(), 1).orElseThrow().markdown());
            assertEquals(store.declaredSpace(old.id()), store.declaredSpace(twin.id()));

            // Continuing the copy numbers on from it and leaves the original as it was.
            Study more = Study.open(new StudyDefinition("twin", Direction.MINIMIZE, "loss"), SPACE,
                    new RandomSampler(3), store);
            assertEquals(3, more.optimize(trial -> 1.0, 1).get(0).number());
            assertEquals(3, store.trials(old.id()).size());
        }
        assertEquals("a model", Files.readString(results.resolve("twin/models/trial-1.zip")));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(results.resolve("twin/models/trial-1.zip"))));
        assertEquals("rwx------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(results.resolve("twin/models"))));
        assertTrue(Files.exists(results.resolve("old/models/trial-1.zip")));
    }

    @Test
    void deleteWithYesRemovesTheStudyAndItsFolderOnly() {
        assertEquals(0, cli("studies", "copy", "old", "kept").exitCode());
        Tune4jCli.Result deleted = cli("studies", "delete", "old", "--yes");
        assertEquals(0, deleted.exitCode(), deleted.err());
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            assertTrue(store.findStudy("old").isEmpty());
            assertEquals(3, store.trials(store.findStudy("kept").orElseThrow().id()).size());
            assertEquals(List.of("kept"), store.studies().stream().map(s -> s.name()).toList());
        }
        assertFalse(Files.exists(results.resolve("old")));
        assertTrue(Files.exists(results.resolve("kept/models/trial-1.zip")));
    }

    @Test
    void aStudyWithRunningTrialsStaysWhereItIs() {
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            store.createTrial(store.findStudy("old").orElseThrow().id(), "elsewhere:1");
        }
        Tune4jCli.Result refused = cli("studies", "rename", "old", "new");
        assertEquals(2, refused.exitCode());
        assertEquals("tune4j: study 'old' has 1 RUNNING trial(s): a run is going on, or was killed (continue it first)",
                refused.err().strip());
        assertTrue(Files.exists(results.resolve("old/models/trial-1.zip")));
    }

    @Test
    void aTargetFolderInTheWayIsNotOverwritten() throws IOException {
        Files.createDirectories(results.resolve("new"));
        Tune4jCli.Result refused = cli("studies", "copy", "old", "new");
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("new exists already"), refused.err());
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            assertTrue(store.findStudy("new").isEmpty());
        }
    }

    private String content(TrialRecord trial) {
        return trial.number() + " " + trial.state() + " " + trial.value() + " " + trial.params() + " "
                + trial.attributes() + " " + trial.seed();
    }

    private Tune4jCli.Result cli(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--results";
        all[args.length + 1] = results.toString();
        return Tune4jCli.run(all);
    }
}
