package io.tune4j.search.sampler;

import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.TrialRecord;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Everything a sampler may look at: the space, the number of the trial to fill, the finished trials and the
 * params of trials still running (so that parallel trials need not get the same suggestion). The lists are
 * read-only views, valid for the call they are passed to: copying the whole history for every suggestion
 * would make a long study quadratic.
 */
public record SamplingContext(SearchSpace space, Direction direction, int trialNumber,
                              List<TrialRecord> finished, List<Map<String, Object>> pending) {
    public SamplingContext {
        finished = Collections.unmodifiableList(finished);
        pending = Collections.unmodifiableList(pending);
    }
}
