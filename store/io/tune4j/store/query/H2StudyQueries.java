package io.tune4j.store.query;

import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.StudySummary;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.store.H2StudyStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link StudyQueries} over an H2 store: each question is one read on a pooled connection. */
public final class H2StudyQueries implements StudyQueries {
    private final H2StudyStore store;

    public H2StudyQueries(H2StudyStore store) {
        this.store = store;
    }

    @Override
    public List<StudySummary> studies() {
        return store.studies();
    }

    @Override
    public Map<String, Long> studyIds() {
        return store.read(StudyCatalog::ids);
    }

    @Override
    public Optional<StudyRecord> study(long studyId) {
        return store.read(c -> StudyCatalog.byId(c, studyId));
    }

    @Override
    public List<ParamColumn> params(long studyId) {
        return store.read(c -> ParamColumns.of(c, studyId));
    }

    @Override
    public TrialPage trials(TrialQuery query) {
        return store.read(c -> TrialTable.page(c, query));
    }

    @Override
    public Optional<TrialRecord> trial(long studyId, int number) {
        return store.read(c -> TrialLookup.byNumber(c, studyId, number));
    }

    @Override
    public List<TrialRecord> trials(long studyId, Collection<Integer> numbers) {
        return store.read(c -> TrialLookup.byNumbers(c, studyId, numbers));
    }

    @Override
    public List<TrialValue> values(Collection<Long> trialIds) {
        return store.read(c -> TrialLookup.values(c, trialIds));
    }

    @Override
    public List<HistoryPoint> history(long studyId) {
        return store.read(c -> StudyHistory.points(c, studyId));
    }

    @Override
    public long completeCount(long studyId) {
        return store.read(c -> StudyHistory.completeCount(c, studyId));
    }

    @Override
    public List<TrialRecord> completeSample(long studyId, int max, long complete) {
        return store.read(c -> StudyHistory.completeSample(c, studyId, max, complete));
    }

    @Override
    public List<TimelineBar> timeline(long studyId, int max) {
        return store.read(c -> StudyHistory.timeline(c, studyId, max));
    }

    @Override
    public Map<Integer, List<TrialValue>> curvesOfSpread(long studyId, int maxTrials) {
        return store.read(c -> StudyHistory.curvesOfSpread(c, studyId, maxTrials));
    }

    @Override
    public List<String> attributeNames(long studyId) {
        return store.read(c -> TrialLookup.attributeNames(c, studyId));
    }

    @Override
    public Optional<Note> studyNote(long studyId) {
        return store.read(c -> NoteLookup.ofStudy(c, studyId));
    }

    @Override
    public Optional<Note> trialNote(long studyId, int number) {
        return store.read(c -> NoteLookup.ofTrial(c, studyId, number));
    }

    @Override
    public long lastTrialId() {
        return store.read(TrialChanges::lastTrialId);
    }

    @Override
    public List<TrialChanges.Changed> changesSince(Instant since, long afterTrialId) {
        return store.read(c -> TrialChanges.since(c, since, afterTrialId));
    }
}
