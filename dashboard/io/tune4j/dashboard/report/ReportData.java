package io.tune4j.dashboard.report;

import io.tune4j.search.importance.ForestImportance;
import io.tune4j.search.importance.ParamImportance;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.StudySummary;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.query.HistoryPoint;
import io.tune4j.store.query.StudyQueries;
import io.tune4j.store.query.TrialQuery;
import io.tune4j.store.query.TrialSort;
import io.tune4j.store.query.TrialValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a study's report shows, read through the store's query side: the study and its counts, the leaderboard,
 * every trial's value in order, the params' importance, and the objective metric's curve of the top trials.
 *
 * @param curves objective metric by epoch of the {@value #CURVES} best trials, best first: trial number to
 *               pairs of (step, value)
 */
public record ReportData(StudyRecord study, StudySummary summary, List<TrialRecord> leaderboard,
                         List<HistoryPoint> history, List<ParamImportance.Entry> importance, int importanceTrials,
                         Map<Integer, List<double[]>> curves) {
    /** Rows of the leaderboard. */
    public static final int TOP = 10;
    /** Trials whose curves are drawn. */
    public static final int CURVES = 5;
    /** Trials the importance forest is grown on at most, as the dashboard's sample. */
    private static final int IMPORTANCE_SAMPLE = 2000;

    public static ReportData read(StudyQueries queries, StudyRecord study) {
        StudySummary summary = queries.studies().stream().filter(s -> s.name().equals(study.name())).findFirst()
                .orElseThrow(() -> new IllegalStateException("study " + study.name() + " is not listed"));
        boolean maximize = study.definition().direction() == Direction.MAXIMIZE;
        List<TrialRecord> leaderboard = queries.trials(new TrialQuery(study.id(), TrialSort.by(TrialSort.Key.VALUE,
                maximize), Set.of(TrialState.COMPLETE), null, null, List.of(), 0, TOP)).trials();
        long complete = queries.completeCount(study.id());
        List<TrialRecord> sample = queries.completeSample(study.id(), IMPORTANCE_SAMPLE, complete);
        // A forest needs two values to split; with fewer trials there is no importance to show.
        List<ParamImportance.Entry> importance = sample.size() < 2 ? List.of()
                : new ParamImportance(ForestImportance.standard()).of(sample);
        return new ReportData(study, summary, leaderboard, queries.history(study.id()), importance, sample.size(),
                curves(queries, leaderboard, study.definition().metric()));
    }

    private static Map<Integer, List<double[]>> curves(StudyQueries queries, List<TrialRecord> leaderboard, String metric) {
        List<TrialRecord> top = leaderboard.subList(0, Math.min(CURVES, leaderboard.size()));
        Map<Long, Integer> numbers = new LinkedHashMap<>();
        for (TrialRecord trial : top) numbers.put(trial.id(), trial.number());
        Map<Integer, List<double[]>> curves = new LinkedHashMap<>();
        for (TrialRecord trial : top) curves.put(trial.number(), new ArrayList<>());
        for (TrialValue value : queries.values(numbers.keySet())) {
            if (value.metric().equals(metric)) curves.get(numbers.get(value.trialId())).add(new double[] {value.step(), value.value()});
        }
        curves.values().forEach(points -> points.sort((a, b) -> Double.compare(a[0], b[0])));
        return curves;
    }

    public boolean hasBest() {
        return !leaderboard.isEmpty();
    }

    public TrialRecord best() {
        return leaderboard.get(0);
    }
}
