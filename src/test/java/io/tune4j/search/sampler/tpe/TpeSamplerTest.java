package io.tune4j.search.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.benchmark.Branin;
import io.tune4j.search.benchmark.SamplerBenchmark;
import io.tune4j.search.sampler.RandomSampler;
import io.tune4j.search.sampler.SamplingContext;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** What TPE learns from a history: where the good values are, per branch, on the right scale. */
class TpeSamplerTest {

    @Test
    void aLogParameterIsLearnedOnTheLogScale() {
        SearchSpace space = SearchSpace.builder().logUniform("lr", 1e-5, 1e-1).build();
        // Good learning rates sit around 1e-3: a tenth of a percent of the linear range, a quarter of the log one.
        List<TrialRecord> history = history(space, 60, p -> Math.abs(Math.log10((Double) p.get("lr")) + 3));
        double[] logs = suggestions(space, history, 100).stream()
                .mapToDouble(p -> Math.log10((Double) p.get("lr"))).sorted().toArray();
        double median = logs[logs.length / 2];
        assertTrue(Math.abs(median + 3) < 0.3, "median log10(lr) " + median);
        long near = Arrays.stream(logs).filter(l -> Math.abs(l + 3) < 0.5).count();
        assertTrue(near > 60, near + " of 100 suggestions within half a decade of 1e-3");
    }

    @Test
    void aBetterCategoryIsChosenMostOfTheTime() {
        SearchSpace space = SearchSpace.builder().choice("optimizer", "sgd", "adam", "rmsprop", "adagrad")
                .uniform("x", 0, 1).build();
        List<TrialRecord> history = history(space, 60,
                p -> (p.get("optimizer").equals("adam") ? 0 : 1) + Math.abs((Double) p.get("x") - 0.5));
        long adam = suggestions(space, history, 100).stream().filter(p -> p.get("optimizer").equals("adam")).count();
        assertTrue(adam > 70, adam + " of 100 suggestions chose adam");
    }

    @Test
    void eachBranchLearnsOnlyFromTheTrialsThatTookIt() {
        SearchSpace space = SearchSpace.builder().choice("shape", "a", "b")
                .when("shape", "a", a -> a.uniform("x", 0, 1))
                .when("shape", "b", b -> b.uniform("x", 0, 1))
                .build();
        // The same name in both branches, with opposite optima, and the good trials split between them: a
        // model that mixed the branches' trials would send many suggestions to the other branch's optimum.
        for (String better : List.of("a", "b")) {
            List<TrialRecord> history = history(space, 80, p -> (p.get("shape").equals(better) ? 0 : 0.05)
                    + Math.abs((Double) p.get("x") - (p.get("shape").equals("a") ? 0.85 : 0.15)));
            List<Map<String, Object>> suggested = suggestions(space, history, 100);
            double optimum = better.equals("a") ? 0.85 : 0.15;
            long nearOwnOptimum = suggested.stream().filter(p -> p.get("shape").equals(better))
                    .filter(p -> Math.abs((Double) p.get("x") - optimum) < 0.15).count();
            assertTrue(nearOwnOptimum > 80, nearOwnOptimum + " of 100 suggestions in branch " + better
                    + " near its optimum " + optimum);
        }
    }

    @Test
    void runningTrialsPushSuggestionsElsewhere() {
        SearchSpace space = SearchSpace.builder().uniform("x", 0, 1).build();
        List<TrialRecord> history = history(space, 30, p -> Math.abs((Double) p.get("x") - 0.3));
        TpeSampler sampler = new TpeSampler(4);
        List<Map<String, Object>> pending = new ArrayList<>();
        for (int i = 0; i < 8; i++) pending.add(Map.of("x", 0.3 + (i - 4) * 0.005));
        double alone = 0;
        double crowded = 0;
        for (int n = 30; n < 130; n++) {
            alone += Math.abs((Double) sampler.suggest(context(space, n, history, List.of())).get("x") - 0.3);
            crowded += Math.abs((Double) sampler.suggest(context(space, n, history, pending)).get("x") - 0.3);
        }
        assertTrue(crowded > 1.5 * alone, "mean distance from the running trials: " + crowded / 100 + " vs "
                + alone / 100 + " with none running");
    }

    @Test
    void beatsRandomSearchOnBraninByAWideMargin() {
        SamplerBenchmark benchmark = new SamplerBenchmark(H2StudyStore::inMemory);
        double[] tpe = new double[10];
        double[] random = new double[10];
        for (int seed = 0; seed < 10; seed++) {
            tpe[seed] = benchmark.run(new Branin(), new TpeSampler(seed), 60).finalRegret();
            random[seed] = benchmark.run(new Branin(), new RandomSampler(seed), 60).finalRegret();
        }
        Arrays.sort(tpe);
        Arrays.sort(random);
        assertTrue(tpe[5] < random[5] / 4, "median regret after 60 trials: tpe " + tpe[5] + ", random " + random[5]);
    }

    /** {@code trials} random trials scored by {@code loss}: the history TPE learns from. */
    private static List<TrialRecord> history(SearchSpace space, int trials, ToDoubleFunction<Map<String, Object>> loss) {
        RandomSampler random = new RandomSampler(99);
        List<TrialRecord> history = new ArrayList<>();
        for (int n = 0; n < trials; n++) {
            Map<String, Object> params = random.suggest(context(space, n, history, List.of()));
            history.add(new TrialRecord(n, n, TrialState.COMPLETE, params, loss.applyAsDouble(params), n, null, null,
                    "t", "cpu", null, Map.of()));
        }
        return history;
    }

    private static List<Map<String, Object>> suggestions(SearchSpace space, List<TrialRecord> history, int count) {
        TpeSampler sampler = new TpeSampler(7);
        List<Map<String, Object>> suggested = new ArrayList<>();
        for (int n = history.size(); n < history.size() + count; n++) {
            suggested.add(sampler.suggest(context(space, n, history, List.of())));
        }
        return suggested;
    }

    private static SamplingContext context(SearchSpace space, int n, List<TrialRecord> history,
                                           List<Map<String, Object>> pending) {
        return new SamplingContext(space, Direction.MINIMIZE, n, history, pending);
    }
}
