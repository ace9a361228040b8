package io.tune4j.search.sampler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneticSamplerTest {
    private static final SearchSpace SPACE = SearchSpace.builder().uniform("x", 0, 1).uniform("y", 0, 1).build();

    @Test
    void offspringComeFromTheFittestTrials() {
        // 40 random trials scored by distance to (0.9, 0.1): the population keeps the fittest, so offspring
        // cluster near that corner, far closer than uniform points (mean distance about 0.6) would.
        List<TrialRecord> history = new ArrayList<>();
        RandomSampler random = new RandomSampler(5);
        for (int n = 0; n < 40; n++) {
            Map<String, Object> params = random.suggest(context(n, history, Direction.MINIMIZE));
            history.add(new TrialRecord(n, n, TrialState.COMPLETE, params, distance(params), n, null, null, "t",
                    "cpu", null, Map.of()));
        }
        assertTrue(meanDistanceOfOffspring(history, Direction.MINIMIZE) < 0.35);
        // The same history read as "maximize" breeds from the worst trials instead: far from the corner.
        assertTrue(meanDistanceOfOffspring(history, Direction.MAXIMIZE) > 0.6);
    }

    private static double meanDistanceOfOffspring(List<TrialRecord> history, Direction direction) {
        GeneticSampler sampler = new GeneticSampler(11);
        double total = 0;
        for (int n = 40; n < 140; n++) total += distance(sampler.suggest(context(n, history, direction)));
        return total / 100;
    }

    private static double distance(Map<String, Object> params) {
        return Math.hypot((Double) params.get("x") - 0.9, (Double) params.get("y") - 0.1);
    }

    private static SamplingContext context(int number, List<TrialRecord> history, Direction direction) {
        return new SamplingContext(SPACE, direction, number, history, List.of());
    }
}
