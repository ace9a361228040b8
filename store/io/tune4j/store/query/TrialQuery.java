package io.tune4j.store.query;

import io.tune4j.search.study.TrialState;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One page of a study's trials: sorted, filtered by state, by objective value and by param ranges.
 * An empty {@code states} set means every state.
 */
public record TrialQuery(long studyId, TrialSort sort, Set<TrialState> states, Double valueMin, Double valueMax,
                         List<ParamFilter> params, int offset, int limit) {
    /** The largest page served: a page is for reading, the CSV export is for all trials. */
    public static final int MAX_LIMIT = 1000;

    public TrialQuery {
        states = states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
        params = List.copyOf(params);
        if (offset < 0) throw new IllegalArgumentException("offset must be >= 0, got " + offset);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in 1.." + MAX_LIMIT + ", got " + limit);
        }
    }
}
