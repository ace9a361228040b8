package io.tune4j.search.sampler.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.benchmark.SamplerBenchmark;
import io.tune4j.search.benchmark.TestFunction;
import io.tune4j.search.benchmark.TestFunctions;
import io.tune4j.search.sampler.NetworkLikeSpace;
import io.tune4j.search.sampler.RandomSampler;
import io.tune4j.search.sampler.Sampler;
import io.tune4j.search.sampler.SamplingContext;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class GpSamplerTest {
    private static final SearchSpace MIXED = NetworkLikeSpace.SPACE;
    private static final SearchSpace PLANE = SearchSpace.builder().uniform("x", -5, 10).uniform("y", 0, 15).build();
    private static final TestFunction BRANIN = TestFunctions.byName("branin");

    private static double mixedLoss(Map<String, Object> p) {
        double lr = Math.log10((Double) p.get("learning_rate"));
        double units = Math.log((Integer) p.get("units")) / Math.log(2);
        double loss = (lr + 2.5) * (lr + 2.5) + 0.2 * (units - 7) * (units - 7) + 0.3 * (Integer) p.get("layers");
        return loss + switch ((String) p.get("optimizer")) {
            case "nesterov" -> 0.5 + 3 * Math.abs((Double) p.get("momentum") - 0.9);
            case "adam" -> 10 * Math.abs((Double) p.get("beta1") - 0.9);
            default -> 1.0;
        };
    }

    private static GpSampler gp(long seed, int startup) {
        return new GpSampler(seed, GpOptions.defaults().withStartupTrials(startup), new RandomSampler(seed));
    }

    private static TrialRecord record(int number, TrialState state, Map<String, Object> params, Double value) {
        return new TrialRecord(number, number, state, params, value, number, null, null, "test", "cpu", null,
                Map.of());
    }

    private static SamplingContext context(SearchSpace space, Direction direction, int number,
                                           List<TrialRecord> finished, List<Map<String, Object>> pending) {
        return new SamplingContext(space, direction, number, finished, pending);
    }

    /** Runs {@code trials} sequential trials of {@code objective}, returning the history. */
    private static List<TrialRecord> run(Sampler sampler, SearchSpace space, Direction direction,
                                         ToDoubleFunction<Map<String, Object>> objective, int trials) {
        List<TrialRecord> history = new ArrayList<>();
        for (int n = 0; n < trials; n++) {
            Map<String, Object> params = sampler.suggest(context(space, direction, n, history, List.of()));
            history.add(record(n, TrialState.COMPLETE, params, objective.applyAsDouble(params)));
        }
        return history;
    }

    private static List<TrialRecord> braninHistory(int trials, long seed) {
        return run(new RandomSampler(seed), PLANE, Direction.MINIMIZE, GpSamplerTest::branin, trials);
    }

    private static double branin(Map<String, Object> p) {
        return BRANIN.value(Map.of("x1", p.get("x"), "x2", p.get("y")));
    }

    @Test
    void suggestionsRespectBoundsIntegersChoicesAndConditions() {
        List<TrialRecord> history = run(gp(5, 6), MIXED, Direction.MINIMIZE, GpSamplerTest::mixedLoss, 30);
        Set<Object> optimizers = new HashSet<>();
        for (TrialRecord trial : history) {
            Map<String, Object> p = trial.params();
            assertEquals(Optional.empty(), MIXED.violation(p), p.toString());
            assertTrue(p.get("units") instanceof Integer && p.get("layers") instanceof Integer, p.toString());
            assertEquals(p.get("optimizer").equals("nesterov"), p.containsKey("momentum"), p.toString());
            assertEquals(p.get("optimizer").equals("adam"), p.containsKey("beta1"), p.toString());
            assertEquals(10, p.get("epochs"));
            optimizers.add(p.get("optimizer"));
        }
        assertEquals(3, optimizers.size());
        double best = history.stream().mapToDouble(TrialRecord::value).min().orElseThrow();
        double bestOfStartup = history.subList(0, 6).stream().mapToDouble(TrialRecord::value).min().orElseThrow();
        assertTrue(best < bestOfStartup, "the model improved on the start-up trials");
    }

    @Test
    void sameSeedAndHistoryGiveTheSameSuggestionAnotherSeedAnother() {
        List<TrialRecord> history = braninHistory(15, 1);
        Map<String, Object> a = gp(3, 10).suggest(context(PLANE, Direction.MINIMIZE, 15, history, List.of()));
        Map<String, Object> b = gp(3, 10).suggest(context(PLANE, Direction.MINIMIZE, 15, history, List.of()));
        assertEquals(a, b);
        // Whole sequences too, where each fit starts from the previous one.
        List<TrialRecord> first = run(gp(9, 5), PLANE, Direction.MINIMIZE, GpSamplerTest::branin, 15);
        List<TrialRecord> second = run(gp(9, 5), PLANE, Direction.MINIMIZE, GpSamplerTest::branin, 15);
        assertEquals(first.stream().map(TrialRecord::params).toList(), second.stream().map(TrialRecord::params).toList());
        List<TrialRecord> other = run(gp(10, 5), PLANE, Direction.MINIMIZE, GpSamplerTest::branin, 15);
        assertNotEquals(first.get(14).params(), other.get(14).params());
    }

    @Test
    void runningTrialsPushParallelSuggestionsApart() {
        List<TrialRecord> history = braninHistory(20, 2);
        List<Map<String, Object>> pending = new ArrayList<>();
        for (int worker = 0; worker < 4; worker++) {
            Map<String, Object> next = gp(3, 10).suggest(context(PLANE, Direction.MINIMIZE, 20 + worker, history,
                    List.copyOf(pending)));
            for (Map<String, Object> running : pending) {
                double distance = Math.hypot(((Double) next.get("x") - (Double) running.get("x")) / 15,
                        ((Double) next.get("y") - (Double) running.get("y")) / 15);
                assertTrue(distance > 0.01, next + " is on top of running " + running);
            }
            pending.add(next);
        }
        // The same trial number without the running ones would have gone where the first worker went.
        Map<String, Object> alone = gp(3, 10).suggest(context(PLANE, Direction.MINIMIZE, 21, history, List.of()));
        Map<String, Object> beside = gp(3, 10).suggest(context(PLANE, Direction.MINIMIZE, 21, history,
                List.of(pending.get(0))));
        assertEquals(pending.get(1), beside);
        assertNotEquals(alone, beside);
    }

    @Test
    void maximizingFindsTheMaximum() {
        SearchSpace line = SearchSpace.builder().uniform("x", 0, 1).build();
        List<TrialRecord> history = run(gp(4, 5), line, Direction.MAXIMIZE,
                p -> 1 - Math.pow((Double) p.get("x") - 0.3, 2), 15);
        TrialRecord best = history.stream().max((a, b) -> Double.compare(a.value(), b.value())).orElseThrow();
        assertEquals(0.3, (Double) best.params().get("x"), 0.01);
    }

    @Test
    void failedAndPrunedTrialsAreNotObservations() {
        List<TrialRecord> complete = braninHistory(12, 3);
        List<TrialRecord> withFailures = new ArrayList<>(complete);
        withFailures.add(record(12, TrialState.FAILED, Map.of("x", 2.0, "y", 3.0), null));
        withFailures.add(record(13, TrialState.PRUNED, Map.of("x", 9.0, "y", 1.0), 500.0));
        withFailures.add(record(14, TrialState.FAILED, Map.of("x", -4.0, "y", 14.0), null));
        assertEquals(gp(3, 10).suggest(context(PLANE, Direction.MINIMIZE, 15, complete, List.of())),
                gp(3, 10).suggest(context(PLANE, Direction.MINIMIZE, 15, withFailures, List.of())));
        // Ten start-up trials means ten observations: failures do not count towards them.
        List<TrialRecord> fewComplete = new ArrayList<>(complete.subList(0, 8));
        fewComplete.addAll(withFailures.subList(12, 15));
        assertEquals(new RandomSampler(3).suggest(context(PLANE, Direction.MINIMIZE, 11, fewComplete, List.of())),
                gp(3, 10).suggest(context(PLANE, Direction.MINIMIZE, 11, fewComplete, List.of())));
    }

    @Test
    void roundedSuggestionsNeverRepeatAFinishedOrRunningTrial() {
        SearchSpace grid = SearchSpace.builder().integer("a", 0, 3).choice("b", "x", "y", "z").build();
        ToDoubleFunction<Map<String, Object>> objective = p -> Math.abs((Integer) p.get("a") - 1)
                + (p.get("b").equals("y") ? 0 : 1);
        GpSampler sampler = gp(6, 3);
        List<TrialRecord> history = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            List<Map<String, Object>> pending = n % 2 == 0 ? List.of() : List.of(history.get(n - 1).params());
            List<TrialRecord> finished = n % 2 == 0 ? history : history.subList(0, n - 1);
            Map<String, Object> params = sampler.suggest(context(grid, Direction.MINIMIZE, n, finished, pending));
            if (n >= 3) {
                Set<Map<String, Object>> taken = new HashSet<>(pending);
                finished.forEach(t -> taken.add(t.params()));
                assertFalse(taken.contains(params), "trial " + n + " repeats " + params);
            }
            history.add(record(n, TrialState.COMPLETE, params, objective.applyAsDouble(params)));
        }
    }

    @Test
    void pastTheCapTheModelKeepsTheBestThirdAndTheLatestTrials() {
        List<TrialRecord> history = braninHistory(30, 4);
        TrainingData data = TrainingData.of(context(PLANE, Direction.MINIMIZE, 30, history, List.of()),
                new InputEncoding(PLANE), 12);
        List<TrialRecord> byValue = history.stream().sorted((a, b) -> Double.compare(a.value(), b.value())).toList();
        Set<Map<String, Object>> expected = new HashSet<>();
        byValue.subList(0, 4).forEach(t -> expected.add(t.params()));
        for (int n = 29; expected.size() < 12; n--) expected.add(history.get(n).params());
        assertEquals(12, data.size());
        assertEquals(expected, new HashSet<>(data.params()));
    }

    @Test
    void badOptionsAreRefusedNamingTheOption() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GpOptions(0, 1024, 10, false, 300))
                .getMessage().contains("startupTrials"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GpOptions(10, 0, 10, false, 300))
                .getMessage().contains("candidates"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GpOptions(10, 1024, 0, false, 300))
                .getMessage().contains("localSearches"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GpOptions(10, 1024, 10, false, 0))
                .getMessage().contains("maxObservations"));
    }

    @Test
    void beatsRandomSearchOnBraninByAWideMargin() {
        SamplerBenchmark benchmark = new SamplerBenchmark(H2StudyStore::inMemory);
        double[] gp = new double[10];
        double[] random = new double[10];
        for (int seed = 0; seed < 10; seed++) {
            gp[seed] = benchmark.run(BRANIN, new GpSampler(seed), 50).finalRegret();
            random[seed] = benchmark.run(BRANIN, new RandomSampler(seed), 50).finalRegret();
        }
        double gpMedian = median(gp);
        double randomMedian = median(random);
        assertTrue(gpMedian < randomMedian / 10, "GP median regret " + gpMedian + ", random " + randomMedian);
        assertTrue(gpMedian < 0.05, "GP median regret " + gpMedian);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
