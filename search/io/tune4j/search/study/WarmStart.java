package io.tune4j.search.study;

import io.tune4j.search.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which finished trials of another study can teach a new study's sampler: those COMPLETE, judged by the same
 * metric in the same direction, with their params cut to the ones the new space has, and only when what is
 * left is a point of the new space (every param it needs, each within its new range or choices).
 */
public final class WarmStart {
    private WarmStart() {}

    /** The usable trials of {@code source}; refuses a source judged otherwise (its values would mislead). */
    public static List<TrialRecord> usable(StudyRecord source, List<TrialRecord> trials, StudyDefinition target,
                                           SearchSpace space) {
        StudyDefinition from = source.definition();
        if (from.direction() != target.direction() || !from.metric().equals(target.metric())) {
            throw new IllegalArgumentException("study '" + source.name() + "' is judged by " + from.metric() + " ("
                    + from.direction().name().toLowerCase(Locale.ROOT) + "), this one by " + target.metric() + " ("
                    + target.direction().name().toLowerCase(Locale.ROOT) + "): its values cannot warm-start it");
        }
        List<TrialRecord> usable = new ArrayList<>();
        for (TrialRecord trial : trials) {
            if (trial.valueIfComplete().isEmpty()) continue;
            Map<String, Object> shared = new LinkedHashMap<>();
            trial.params().forEach((name, value) -> {
                if (space.parameters().stream().anyMatch(p -> p.name().equals(name))) shared.put(name, value);
            });
            if (space.violation(shared).isPresent()) continue;
            usable.add(new TrialRecord(trial.id(), trial.number(), trial.state(), shared, trial.value(),
                    trial.seed(), trial.startedAt(), trial.finishedAt(), trial.worker(), trial.device(), null,
                    trial.attributes()));
        }
        return usable;
    }
}
