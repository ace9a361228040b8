package io.tune4j.store.query;

import io.tune4j.search.study.TrialRecord;
import java.util.List;

/**
 * One page of a trial list, and how many trials match the filter: exactly, or (when {@code exact} is false)
 * at least that many, for filters whose full count would cost more than the page.
 */
public record TrialPage(long total, boolean exact, List<TrialRecord> trials) {
    public TrialPage {
        trials = List.copyOf(trials);
    }
}
