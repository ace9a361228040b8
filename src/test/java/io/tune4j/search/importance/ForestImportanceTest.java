package io.tune4j.search.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ForestImportanceTest {
    @Test
    void theOneFeatureThatDrivesTheValueGetsAlmostAllTheImportance() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] x = new double[400][4];
        double[] y = new double[400];
        for (int i = 0; i < x.length; i++) {
            for (int f = 0; f < 4; f++) x[i][f] = random.nextDouble();
            y[i] = Math.sin(6 * x[i][2]) + 0.01 * random.nextDouble();
        }
        double[] importance = ForestImportance.standard().importances(x, y);
        assertEquals(1.0, importance[0] + importance[1] + importance[2] + importance[3], 1e-9);
        assertTrue(importance[2] > 0.8, "feature 2 drives y: " + java.util.Arrays.toString(importance));
    }

    @Test
    void aConstantObjectiveHasNoImportantParam() {
        double[][] x = {{1, 2}, {2, 1}, {3, 3}, {4, 0}};
        double[] importance = ForestImportance.standard().importances(x, new double[] {5, 5, 5, 5});
        assertEquals(0.0, importance[0]);
        assertEquals(0.0, importance[1]);
    }

    @Test
    void aCategoricalParamAndAMissingConditionalParamAreRanked() {
        SplittableRandom random = new SplittableRandom(5);
        List<TrialRecord> trials = new ArrayList<>();
        for (int n = 0; n < 300; n++) {
            String optimizer = List.of("adam", "sgd", "rmsprop").get(random.nextInt(3));
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("optimizer", optimizer);
            params.put("units", 16 + random.nextInt(100));
            if (optimizer.equals("sgd")) params.put("momentum", random.nextDouble());
            double value = (optimizer.equals("adam") ? 0.9 : 0.5) + 0.01 * random.nextDouble();
            trials.add(new TrialRecord(n, n, TrialState.COMPLETE, params, value, n, null, null, null, null, null,
                    Map.of()));
        }
        List<ParamImportance.Entry> ranked = new ParamImportance(ForestImportance.standard()).of(trials);
        assertEquals("optimizer", ranked.get(0).param(), ranked.toString());
        assertEquals(3, ranked.size());
    }
}
