package io.tune4j.dashboard.api;

import io.tune4j.search.study.TrialRecord;
import io.tune4j.store.query.StudyQueries;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The evenly spread sample of a study's complete trials that the param plots and the importance both read.
 * A study page asks for both at once, and reading the sample costs 0.34 s at 100,000 trials, so it is read
 * once and kept until the study's count of complete trials changes (the sample is a function of that count).
 */
final class CompleteSamples {
    private final StudyQueries queries;
    private final int size;
    private final Map<Long, Sample> latest = new ConcurrentHashMap<>();

    CompleteSamples(StudyQueries queries, int size) {
        this.queries = queries;
        this.size = size;
    }

    List<TrialRecord> of(long studyId) {
        long complete = queries.completeCount(studyId);
        // compute() holds the study's entry while reading, so requests arriving together read the sample once.
        return latest.compute(studyId, (id, kept) -> kept != null && kept.complete() == complete ? kept
                : new Sample(complete, queries.completeSample(id, size, complete)))
                .trials();
    }

    private record Sample(long complete, List<TrialRecord> trials) {}
}
