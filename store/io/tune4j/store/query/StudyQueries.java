package io.tune4j.store.query;

import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.StudySummary;
import io.tune4j.search.study.TrialRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the dashboard reads, as questions rather than SQL: the read side of the store. Every answer
 * is bounded (a page, a sample, a thinned set) except {@link #history}, whose three narrow columns stay
 * light at 100,000 trials. Implemented over H2 by {@link H2StudyQueries}.
 */
public interface StudyQueries {
    List<StudySummary> studies();

    /** Every study's id by its name: the dashboard's addresses use ids, since a name may hold any character. */
    Map<String, Long> studyIds();

    Optional<StudyRecord> study(long studyId);

    /** The params of the study's trials and declared space, with their declared distribution when known. */
    List<ParamColumn> params(long studyId);

    TrialPage trials(TrialQuery query);

    Optional<TrialRecord> trial(long studyId, int number);

    /** The trials of a study with these numbers (unknown numbers are skipped), in number order. */
    List<TrialRecord> trials(long studyId, Collection<Integer> numbers);

    /** Every value the given trials reported, by trial, metric and step. */
    List<TrialValue> values(Collection<Long> trialIds);

    /** Number, state and value of every trial, in number order. */
    List<HistoryPoint> history(long studyId);

    /** How many COMPLETE trials the study has. */
    long completeCount(long studyId);

    /** At most {@code max} COMPLETE trials with their params, evenly spread over the numbers; see StudyHistory. */
    List<TrialRecord> completeSample(long studyId, int max, long complete);

    /** Start and end of at most about {@code max} trials evenly spread over the numbers, and of every running one. */
    List<TimelineBar> timeline(long studyId, int max);

    /** The curves of at most about {@code maxTrials} trials evenly spread over the numbers, by trial number. */
    Map<Integer, List<TrialValue>> curvesOfSpread(long studyId, int maxTrials);

    /** The names of the attributes any trial of the study has, sorted. */
    List<String> attributeNames(long studyId);

    Optional<Note> studyNote(long studyId);

    Optional<Note> trialNote(long studyId, int number);

    /** The highest trial id in the database, 0 when there is none: where the live feed starts. */
    long lastTrialId();

    /** The trials changed since {@code since} or created after {@code afterTrialId}; see TrialChanges. */
    List<TrialChanges.Changed> changesSince(Instant since, long afterTrialId);
}
