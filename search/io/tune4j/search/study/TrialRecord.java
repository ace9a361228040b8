package io.tune4j.search.study;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A trial as stored: what was tried, how it ended, and what it measured at the end. */
public record TrialRecord(
        long id,
        int number,
        TrialState state,
        Map<String, Object> params,
        Double value,
        long seed,
        Instant startedAt,
        Instant finishedAt,
        String worker,
        String device,
        String error,
        Map<String, String> attributes) {

    public TrialRecord {
        // Insertion order kept: the sampler's params come in space order, the store's in name order.
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        attributes = Map.copyOf(attributes);
    }

    /**
     * The attribute an objective sets (to {@code "true"}) on a trial that failed because its params cannot make a
     * working trial at all (a network whose shapes do not fit): samplers learn from such failures as from bad values.
     */
    public static final String INFEASIBLE = "infeasible";

    public boolean isInfeasible() {
        return state == TrialState.FAILED && "true".equals(attributes.get(INFEASIBLE));
    }

    public Optional<Double> valueIfComplete() {
        return state == TrialState.COMPLETE && value != null ? Optional.of(value) : Optional.empty();
    }
}
