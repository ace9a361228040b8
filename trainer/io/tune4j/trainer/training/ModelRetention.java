package io.tune4j.trainer.training;

import io.tune4j.search.study.StudyListener;
import io.tune4j.search.study.StudyStore;
import io.tune4j.search.study.TrialRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps the saved models of the best {@code keep} trials and deletes the others as trials finish, so a long
 * study does not fill the disk (an MNIST MLP with its updater state is several MB a trial).
 */
public final class ModelRetention implements StudyListener {
    private static final Pattern MODEL_FILE = Pattern.compile("trial-(\\d+)\\.zip");

    private final StudyStore store;
    private final long studyId;
    private final Path modelDir;
    private final int keep;
    private Set<Integer> kept;

    public ModelRetention(StudyStore store, long studyId, Path modelDir, int keep) {
        if (keep < 1) throw new IllegalArgumentException("models to keep must be >= 1, got " + keep);
        this.store = store;
        this.studyId = studyId;
        this.modelDir = modelDir;
        this.keep = keep;
        this.kept = best();
        // Nothing runs yet, so every model file outside the best is left over from an earlier run.
        for (int number : modelNumbersOnDisk()) {
            if (!kept.contains(number)) delete(number);
        }
    }

    public static Path modelFile(Path modelDir, int trialNumber) {
        return modelDir.resolve("trial-" + trialNumber + ".zip");
    }

    @Override
    public synchronized void trialFinished(TrialRecord trial, TrialRecord best) {
        Set<Integer> nowBest = best();
        // Only the trial that just ended and the ones that just left the best can have a model to drop;
        // models of trials still running are never touched.
        Set<Integer> candidates = new HashSet<>(kept);
        candidates.add(trial.number());
        for (int number : candidates) {
            if (!nowBest.contains(number)) delete(number);
        }
        kept = nowBest;
    }

    private Set<Integer> best() {
        Set<Integer> numbers = new HashSet<>();
        for (TrialRecord trial : store.topTrials(studyId, keep)) numbers.add(trial.number());
        return numbers;
    }

    private Set<Integer> modelNumbersOnDisk() {
        Set<Integer> numbers = new HashSet<>();
        if (!Files.isDirectory(modelDir)) return numbers;
        try (Stream<Path> files = Files.list(modelDir)) {
            files.forEach(file -> {
                Matcher m = MODEL_FILE.matcher(file.getFileName().toString());
                if (m.matches()) numbers.add(Integer.parseInt(m.group(1)));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + modelDir, e);
        }
        return numbers;
    }

    private void delete(int number) {
        try {
            Files.deleteIfExists(modelFile(modelDir, number));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the model of trial " + number, e);
        }
    }
}
