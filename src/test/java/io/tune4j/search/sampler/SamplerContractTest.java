package io.tune4j.search.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.spec.SearchSettings;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every sampler a space file can name must do, checked through the factory so a new sampler is covered
 * the day it is registered: valid points of a space with log, integer, categorical, conditional and fixed
 * parameters, through a start-up phase and well past it, with trials running in parallel; and the same
 * sequence for the same seed.
 */
class SamplerContractTest {
    private static final SearchSpace SPACE = SearchSpace.builder()
            .logUniform("learning_rate", 1e-4, 1e-1)
            .integerLog("units", 16, 512)
            .integer("layers", 1, 3)
            .uniform("dropout", 0, 0.5)
            .choice("optimizer", "sgd", "nesterov", "adam")
            .when("optimizer", "nesterov", b -> b.uniform("momentum", 0.5, 0.99))
            .when("optimizer", "adam", b -> b.uniform("beta1", 0.8, 0.95).integer("warmup", 0, 5))
            .fixed("epochs", 10)
            .build();
    private static final int TRIALS = 40;

    static Stream<String> samplers() {
        return SearchSettings.SAMPLERS.stream().filter(name -> !name.equals("grid"));
    }

    @ParameterizedTest
    @MethodSource("samplers")
    void knowsTheNameAndSeedItWasMadeFrom(String name) {
        // A study records both from its sampler: they must read back as the space file said them.
        Sampler sampler = SamplerFactory.create(new SearchSettings(name, TRIALS, 1234, null, 5));
        assertEquals(name, sampler.name());
        assertEquals(1234, sampler.seed());
    }

    @ParameterizedTest
    @MethodSource("samplers")
    void suggestsOnlyValidPointsAndReachesEveryBranch(String name) {
        List<Map<String, Object>> suggested = runStudy(name, 1);
        Set<Object> optimizers = new HashSet<>();
        for (Map<String, Object> params : suggested) {
            assertEquals(Optional.empty(), SPACE.violation(params), name + " suggested " + params);
            assertTrue(params.get("units") instanceof Integer && params.get("layers") instanceof Integer, name);
            assertEquals(10, params.get("epochs"));
            optimizers.add(params.get("optimizer"));
        }
        assertEquals(Set.of("sgd", "nesterov", "adam"), optimizers, name + " must explore every branch");
    }

    @ParameterizedTest
    @MethodSource("samplers")
    void sameSeedSameSequenceOtherSeedOtherSequence(String name) {
        List<Map<String, Object>> first = runStudy(name, 5);
        assertEquals(first, runStudy(name, 5), name + " is not reproducible");
        assertNotEquals(first, runStudy(name, 6), name + " ignores its seed");
    }

    @ParameterizedTest
    @MethodSource("samplers")
    void trialsRunningTogetherGetDifferentParams(String name) {
        Sampler sampler = SamplerFactory.create(new SearchSettings(name, TRIALS, 3, null, 5));
        List<TrialRecord> history = history(sampler, 30);
        List<Map<String, Object>> pending = new ArrayList<>();
        for (int n = 30; n < 34; n++) {
            Map<String, Object> params = sampler.suggest(new SamplingContext(SPACE, Direction.MINIMIZE, n, history, pending));
            assertTrue(!pending.contains(params), name + " gave a running trial's params again: " + params);
            pending.add(params);
        }
    }

    /** A study of TRIALS trials where trial n runs while n-1 has not finished (two in flight). */
    private static List<Map<String, Object>> runStudy(String name, long seed) {
        Sampler sampler = SamplerFactory.create(new SearchSettings(name, TRIALS, seed, null, 5));
        List<TrialRecord> history = new ArrayList<>();
        List<Map<String, Object>> suggested = new ArrayList<>();
        for (int n = 0; n < TRIALS; n++) {
            List<Map<String, Object>> pending = n == 0 ? List.of() : List.of(suggested.get(n - 1));
            suggested.add(sampler.suggest(new SamplingContext(SPACE, Direction.MINIMIZE, n, history, pending)));
            if (n > 0) history.add(finished(n - 1, suggested.get(n - 1)));
        }
        return suggested;
    }

    private static List<TrialRecord> history(Sampler sampler, int trials) {
        List<TrialRecord> history = new ArrayList<>();
        for (int n = 0; n < trials; n++) {
            history.add(finished(n, sampler.suggest(new SamplingContext(SPACE, Direction.MINIMIZE, n, history, List.of()))));
        }
        return history;
    }

    /** A value with structure for model-based samplers to learn: low learning rate error, adam best. */
    private static TrialRecord finished(int number, Map<String, Object> params) {
        double value = Math.abs(Math.log10((Double) params.get("learning_rate")) + 2)
                + (params.get("optimizer").equals("adam") ? 0 : 1)
                + Math.abs((Integer) params.get("layers") - 2) * 0.1;
        if (number % 7 == 6) {
            return new TrialRecord(number, number, TrialState.FAILED, params, null, number, null, null, "test",
                    "cpu", "diverged", Map.of());
        }
        return new TrialRecord(number, number, TrialState.COMPLETE, params, value, number, null, null, "test", "cpu",
                null, Map.of());
    }
}
