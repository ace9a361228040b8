package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.store.H2StudyStore;
import io.tune4j.store.query.H2StudyQueries;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tune4j note}: a study's and a trial's Markdown note, kept in the results database. */
class NoteCommandTest {
    @TempDir
    Path results;

    @Test
    void notesAStudyAndATrialAndAnEmptyTextRemovesTheNote() {
        long study;
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            study = store.openStudy(new StudyDefinition("s", Direction.MINIMIZE, "loss"), "random", 1).id();
            store.createTrial(study, "test");
        }
        String dir = results.toString();
        Tune4jCli.Result saved = Tune4jCli.run("note", "s", "**lr** above 0.01 diverges", "--results", dir);
        assertEquals(0, saved.exitCode(), saved.err());
        assertTrue(saved.out().contains("saved the note of s"), saved.out());
        assertEquals(0, Tune4jCli.run("note", "s", "--trial", "0", "the odd one", "--results", dir).exitCode());
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            H2StudyQueries queries = new H2StudyQueries(store);
            assertEquals("**lr** above 0.01 diverges", queries.studyNote(study).orElseThrow().markdown());
            assertEquals("the odd one", queries.trialNote(study, 0).orElseThrow().markdown());
        }
        assertEquals(0, Tune4jCli.run("note", "s", "", "--results", dir).exitCode());
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            assertTrue(new H2StudyQueries(store).studyNote(study).isEmpty());
        }
    }
}
