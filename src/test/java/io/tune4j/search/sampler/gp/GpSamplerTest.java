package io.tune4j.search.sampler.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;

class GpSamplerTest {

    @Test
    void aRunningTrialsPointIsNotSuggestedAgain() {
        SearchSpace space = SearchSpace.builder().uniform("x", 0, 1).uniform("y", 0, 1).build();
        RandomSampler random = new RandomSampler(1);
        List<TrialRecord> history = new ArrayList<>();
        for (int n = 0; n < 15; n++) {
            Map<String, Object> params = random.suggest(context(space, n, history, List.of()));
            double value = Math.pow((Double) params.get("x") - 0.3, 2) + Math.pow((Double) params.get("y") - 0.6, 2);
            history.add(new TrialRecord(n, n, TrialState.COMPLETE, params, value, n, null, null, "t", "cpu", null, Map.of()));
        }
        GpSampler sampler = new GpSampler(5);
        Map<String, Object> first = sampler.suggest(context(space, 15, history, List.of()));
        Map<String, Object> second = sampler.suggest(context(space, 15, history, List.of(first)));
        double distance = Math.hypot((Double) first.get("x") - (Double) second.get("x"),
                (Double) first.get("y") - (Double) second.get("y"));
        assertTrue(distance > 0.01, "with the first suggestion running, the same trial number got " + second
                + " instead of " + first);
    }

    @Test
    void aHistoryPastTheCapKeepsItsBestThirdAndTheMostRecentRest() {
        // 60 trials whose values fall with age except five old ones that are the best: a cap of 15 keeps those
        // five (the best third) and the ten newest.
        List<TrialRecord> history = new ArrayList<>();
        for (int n = 0; n < 60; n++) {
            double value = n % 12 == 0 ? -1 - n : 100 - n;
            history.add(new TrialRecord(n, n, TrialState.COMPLETE, Map.of("x", 0.5), value, n, null, null, "t",
                    "cpu", null, Map.of()));
        }
        GpSampler sampler = new GpSampler(2, new GpOptions(10, 30, 512, 4, 15), new RandomSampler(2));
        List<Integer> kept = sampler.fitted(history, Direction.MINIMIZE).stream().map(TrialRecord::number).sorted().toList();
        assertEquals(List.of(0, 12, 24, 36, 48, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59), kept);
        assertEquals(history.subList(0, 15), sampler.fitted(history.subList(0, 15), Direction.MINIMIZE),
                "a history within the cap is kept whole");
    }

    @Test
    void beatsRandomSearchOnBraninByAWideMargin() {
        SamplerBenchmark benchmark = new SamplerBenchmark(H2StudyStore::inMemory);
        double[] gp = new double[10];
        double[] random = new double[10];
        for (int seed = 0; seed < 10; seed++) {
            gp[seed] = benchmark.run(new Branin(), "gp", new GpSampler(seed), seed, 30).finalRegret();
            random[seed] = benchmark.run(new Branin(), "random", new RandomSampler(seed), seed, 30).finalRegret();
        }
        Arrays.sort(gp);
        Arrays.sort(random);
        assertTrue(gp[5] < random[5] / 10, "median regret after 30 trials: gp " + gp[5] + ", random " + random[5]);
    }

    private static SamplingContext context(SearchSpace space, int n, List<TrialRecord> history,
                                           List<Map<String, Object>> pending) {
        return new SamplingContext(space, Direction.MINIMIZE, n, history, pending);
    }
}
