package io.tune4j.search.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SamplersTest {
    private static final SearchSpace SPACE = NetworkLikeSpace.SPACE;

    @Test
    void randomSamplesStayInTheirDomainsAndRespectConditions() {
        RandomSampler sampler = new RandomSampler(7);
        Set<Object> optimizers = new HashSet<>();
        for (int n = 0; n < 2000; n++) {
            Map<String, Object> params = sampler.suggest(context(SPACE, n, List.of()));
            assertEquals(java.util.Optional.empty(), SPACE.violation(params), params.toString());
            assertEquals(params.get("optimizer").equals("nesterov"), params.containsKey("momentum"));
            assertEquals(params.get("optimizer").equals("adam"), params.containsKey("beta1"));
            assertTrue(params.get("units") instanceof Integer);
            assertEquals(10, params.get("epochs"));
            optimizers.add(params.get("optimizer"));
        }
        assertEquals(Set.of("sgd", "nesterov", "adam"), optimizers);
    }

    @Test
    void logUniformSpreadsEvenlyOverDecades() {
        RandomSampler sampler = new RandomSampler(3);
        int belowOneThousandth = 0;
        int samples = 3000;
        for (int n = 0; n < samples; n++) {
            double lr = (Double) sampler.suggest(context(SPACE, n, List.of())).get("learning_rate");
            if (lr < 1e-3) belowOneThousandth++;
        }
        // [1e-4, 1e-3) is one of three decades: a third of the samples, not the 1% a linear scale would give.
        assertEquals(1.0 / 3, (double) belowOneThousandth / samples, 0.04);
    }

    @Test
    void sameSeedSameSequenceOtherSeedOtherSequence() {
        List<Map<String, Object>> a = sequence(new RandomSampler(42));
        assertEquals(a, sequence(new RandomSampler(42)));
        assertNotEquals(a, sequence(new RandomSampler(43)));
    }

    @Test
    void aTrialsRandomParamsDependOnItsNumberNotOnHistory() {
        RandomSampler sampler = new RandomSampler(42);
        Map<String, Object> alone = sampler.suggest(context(SPACE, 5, List.of()));
        List<TrialRecord> history = List.of(finished(0, sampler.suggest(context(SPACE, 0, List.of())), 1.0));
        assertEquals(alone, sampler.suggest(context(SPACE, 5, history)));
    }

    @Test
    void gridCoversEveryCombinationOnceWithBoundsIncluded() {
        SearchSpace space = SearchSpace.builder()
                .logUniform("lr", 1e-4, 1e-2)
                .choice("optimizer", "sgd", "nesterov")
                .when("optimizer", "nesterov", b -> b.integer("steps", 1, 2))
                .build();
        GridSampler grid = new GridSampler(3, 1);
        // 3 learning rates x (sgd + nesterov x 2 steps) = 9 points.
        assertEquals(9, grid.size(space));
        List<TrialRecord> history = new ArrayList<>();
        Set<Map<String, Object>> seen = new HashSet<>();
        for (int n = 0; !grid.isExhausted(context(space, n, history)); n++) {
            Map<String, Object> params = grid.suggest(context(space, n, history));
            assertTrue(seen.add(params), "no point twice: " + params);
            assertEquals(java.util.Optional.empty(), space.violation(params));
            history.add(finished(n, params, 0.0));
        }
        assertEquals(9, seen.size());
        Set<Object> rates = new HashSet<>();
        seen.forEach(p -> rates.add(p.get("lr")));
        assertEquals(3, rates.size());
        assertTrue(rates.contains(1e-4) && rates.contains(1e-2));
        assertTrue(rates.stream().anyMatch(r -> Math.abs((Double) r - 1e-3) < 1e-12), "geometric middle");
    }

    @Test
    void gridSkipsPointsOfRunningTrials() {
        SearchSpace space = SearchSpace.builder().choice("a", 1, 2).build();
        GridSampler grid = new GridSampler(2, 0);
        Map<String, Object> first = grid.suggest(context(space, 0, List.of()));
        Map<String, Object> second = grid.suggest(new SamplingContext(space, Direction.MINIMIZE, 1, List.of(),
                List.of(first)));
        assertNotEquals(first, second);
        assertTrue(grid.isExhausted(new SamplingContext(space, Direction.MINIMIZE, 2, List.of(),
                List.of(first, second))));
        assertFalse(grid.isExhausted(context(space, 0, List.of())));
    }

    @Test
    void gridRefusesAResolutionBelowTwo() {
        assertThrows(IllegalArgumentException.class, () -> new GridSampler(1, 0));
    }

    private static List<Map<String, Object>> sequence(Sampler sampler) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int n = 0; n < 20; n++) out.add(sampler.suggest(context(SPACE, n, List.of())));
        return out;
    }

    private static SamplingContext context(SearchSpace space, int number, List<TrialRecord> finished) {
        return new SamplingContext(space, Direction.MINIMIZE, number, finished, List.of());
    }

    private static TrialRecord finished(int number, Map<String, Object> params, double value) {
        return new TrialRecord(number, number, TrialState.COMPLETE, params, value, number, null, null, "test", "cpu",
                null, Map.of());
    }
}
