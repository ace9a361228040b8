package io.tune4j.dashboard.notes;

/**
 * Where a dashboard started with notes allowed writes them: a port, so the dashboard itself holds no write
 * access to the store. An empty text removes a note.
 */
public interface NoteWriter {
    void study(long studyId, String markdown);

    /** False when the study has no trial {@code number}. */
    boolean trial(long studyId, int number, String markdown);
}
