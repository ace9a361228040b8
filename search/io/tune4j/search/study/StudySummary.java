package io.tune4j.search.study;

import java.time.Instant;
import java.util.Map;

/** One line of the studies list: counts per state, the best value and when anything last happened. */
public record StudySummary(String name, Direction direction, String metric, String sampler,
                           Map<TrialState, Integer> trialsByState, Double bestValue, Instant lastActivity) {
    public int totalTrials() {
        return trialsByState.values().stream().mapToInt(Integer::intValue).sum();
    }
}
