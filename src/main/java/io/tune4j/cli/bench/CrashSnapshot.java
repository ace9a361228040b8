package io.tune4j.cli.bench;

import io.tune4j.search.study.IntermediateValue;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A study's trials as read from its results file right after a kill, with the checks the kill loop counts;
 * {@code lostEpochs} counts the epochs missing from COMPLETE trials (a step below {@code epochs_trained} with
 * no values, or with fewer metrics than the trial's other steps).
 */
public record CrashSnapshot(List<TrialRecord> trials, int lostEpochs, String openError) {

    /** Reads {@code study} from {@code results}; a file that does not open is recorded, not thrown. */
    public static CrashSnapshot read(Path results, String study) {
        try (H2StudyStore store = H2StudyStore.openReader(results)) {
            List<TrialRecord> trials = store.findStudy(study).map(s -> store.trials(s.id())).orElse(List.of());
            int lostEpochs = 0;
            for (TrialRecord trial : trials) {
                if (trial.state() == TrialState.COMPLETE) lostEpochs += lostEpochs(trial, store.intermediateValues(trial.id()));
            }
            return new CrashSnapshot(trials, lostEpochs, null);
        } catch (RuntimeException e) {
            return new CrashSnapshot(List.of(), 0, e.getMessage());
        }
    }

    private static int lostEpochs(TrialRecord trial, List<IntermediateValue> values) {
        String trained = trial.attributes().get("epochs_trained");
        if (trained == null) return 0; // not a DL4J trial: no count to check against
        Map<Integer, Integer> metricsPerStep = new TreeMap<>();
        values.forEach(v -> metricsPerStep.merge(v.step(), 1, Integer::sum));
        int metrics = metricsPerStep.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int lost = 0;
        for (int step = 1; step <= Integer.parseInt(trained); step++) {
            if (metricsPerStep.getOrDefault(step, 0) < metrics || metrics == 0) lost++;
        }
        return lost;
    }

    public boolean openedCleanly() {
        return openError == null;
    }

    public long count(TrialState state) {
        return trials.stream().filter(t -> t.state() == state).count();
    }

    List<Integer> numbers(TrialState state) {
        return trials.stream().filter(t -> t.state() == state).map(TrialRecord::number).toList();
    }

    /** Trials of a killed run that were not re-queued because they had been re-run as often as allowed. */
    long retriesSpent() {
        return trials.stream().filter(t -> t.state() == TrialState.FAILED && t.error() != null
                && t.error().startsWith("worker ") && !t.attributes().containsKey("retried_as")).count();
    }

    /** Trials that re-run the params of a trial a dead process left RUNNING. */
    long requeued() {
        return trials.stream().filter(t -> t.attributes().containsKey("retry_of")).count();
    }

    /** Numbers stored more than once. */
    public int duplicates() {
        return trials.size() - (int) trials.stream().map(TrialRecord::number).distinct().count();
    }

    /** Numbers below the highest one that no trial has. */
    public int missingNumbers() {
        Set<Integer> numbers = new HashSet<>();
        trials.forEach(t -> numbers.add(t.number()));
        int highest = numbers.stream().mapToInt(Integer::intValue).max().orElse(-1);
        return highest + 1 - numbers.size();
    }

    /** COMPLETE trials of {@code earlier} that are no longer COMPLETE with the same value here. */
    int lostSince(Map<Integer, Double> earlierComplete) {
        Map<Integer, TrialRecord> byNumber = new TreeMap<>();
        trials.forEach(t -> byNumber.put(t.number(), t));
        int lost = 0;
        for (Map.Entry<Integer, Double> done : earlierComplete.entrySet()) {
            TrialRecord now = byNumber.get(done.getKey());
            if (now == null || now.state() != TrialState.COMPLETE || !now.value().equals(done.getValue())) lost++;
        }
        return lost;
    }

    Map<Integer, Double> complete() {
        Map<Integer, Double> complete = new TreeMap<>();
        trials.stream().filter(t -> t.state() == TrialState.COMPLETE).forEach(t -> complete.put(t.number(), t.value()));
        return complete;
    }
}
