package io.tune4j.dashboard.export;

import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.TrialRecord;
import java.util.List;
import java.util.Optional;

/**
 * Where the dashboard gets the files of a trial: {@code params.yaml}, {@code network.json}, {@code model.zip}.
 * A port: the command line knows how to build DL4J files, the dashboard only serves them.
 */
public interface TrialFiles {
    /** The names the dashboard offers, in the order it lists them. */
    List<String> NAMES = List.of("params.yaml", "network.json", "model.zip");

    /** The file {@code name} of {@code trial}, or empty when it cannot be had (a model that was not kept). */
    Optional<Download> file(StudyRecord study, TrialRecord trial, String name);

    record Download(String contentType, byte[] bytes) {}
}
