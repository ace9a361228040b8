package io.tune4j.dashboard.export;

import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.TrialRecord;
import java.util.Optional;

/**
 * Where the dashboard gets the files of a study's best trial: {@code params.yaml}, {@code network.json},
 * {@code model.zip}. A port: the command line knows how to build DL4J files, the dashboard only serves them.
 */
public interface BestTrialFiles {
    /** The names the dashboard offers, in the order it lists them. */
    java.util.List<String> NAMES = java.util.List.of("params.yaml", "network.json", "model.zip");

    /** The file {@code name} for {@code best}, or empty when it cannot be had (a model that was not kept). */
    Optional<Download> file(StudyRecord study, TrialRecord best, String name);

    record Download(String contentType, byte[] bytes) {}
}
