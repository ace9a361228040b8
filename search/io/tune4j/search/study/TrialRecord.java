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

    public Optional<Double> valueIfComplete() {
        return state == TrialState.COMPLETE && value != null ? Optional.of(value) : Optional.empty();
    }
}
