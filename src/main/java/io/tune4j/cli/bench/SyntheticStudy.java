package io.tune4j.cli.bench;

import io.tune4j.search.space.Distribution;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.search.study.StudyStore;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fills a study with made-up trials through the store's own write path (create, params, one report per
 * epoch, finish: what a real run writes), shaped like a DL4J study: nine params (momentum only with nesterov),
 * three metrics an epoch, some pruned and failed trials. The value depends mostly on the learning rate, so the importance view has
 * something to find.
 */
final class SyntheticStudy {
    static final String NAME = "synthetic";

    private SyntheticStudy() {}

    /** Writes {@code trials} trials of {@code epochs} epochs into a new study; returns the study's id. */
    static long fill(StudyStore store, int trials, int epochs, long seed) {
        long study = store.openStudy(new StudyDefinition(NAME, Direction.MAXIMIZE, "val_accuracy"), "random", seed)
                .id();
        store.declareSpace(study, Distribution.of(SPACE));
        SplittableRandom random = new SplittableRandom(seed);
        for (int n = 0; n < trials; n++) {
            TrialRecord trial = store.createTrial(study, "bench:1");
            Map<String, Object> params = params(random);
            store.setParams(trial.id(), params);
            store.setDevice(trial.id(), "cpu:" + (n % 2));
            double target = accuracy(params, random);
            double accuracy = 0;
            for (int epoch = 1; epoch <= epochs; epoch++) {
                accuracy = target * (1 - Math.exp(-epoch / 2.0));
                store.reportIntermediate(trial.id(), epoch, Map.of("train_loss", 1 - accuracy + 0.05,
                        "val_loss", 1 - accuracy + 0.1 * random.nextDouble(), "val_accuracy", accuracy));
            }
            int fate = random.nextInt(20);
            if (fate == 0) {
                store.finishTrial(trial.id(), TrialState.FAILED, null, "synthetic failure: loss diverged to NaN");
            } else if (fate <= 2) {
                store.finishTrial(trial.id(), TrialState.PRUNED, null, null);
            } else {
                store.finishTrial(trial.id(), TrialState.COMPLETE, accuracy, null);
            }
        }
        return study;
    }

    /** The space {@link #params} samples from, declared so the dashboard draws each param on its own scale. */
    static final SearchSpace SPACE = SearchSpace.builder()
            .logUniform("learning_rate", 1e-4, 1e-1)
            .choice("batch_size", 32, 64, 128, 256)
            .choice("optimizer", "adam", "nesterov", "rmsprop")
            .when("optimizer", "nesterov", b -> b.uniform("momentum", 0.0, 0.99))
            .integer("units", 16, 512)
            .integer("hidden_layers", 1, 3)
            .uniform("dropout", 0.0, 0.5)
            .logUniform("l2", 1e-6, 1e-2)
            .choice("activation", "RELU", "TANH", "LEAKYRELU")
            .build();

    private static Map<String, Object> params(SplittableRandom random) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("learning_rate", Math.pow(10, -4 + 3 * random.nextDouble()));
        params.put("batch_size", List.of(32, 64, 128, 256).get(random.nextInt(4)));
        String optimizer = List.of("adam", "nesterov", "rmsprop").get(random.nextInt(3));
        params.put("optimizer", optimizer);
        if (optimizer.equals("nesterov")) params.put("momentum", random.nextDouble() * 0.99);
        params.put("units", 16 + random.nextInt(497));
        params.put("hidden_layers", 1 + random.nextInt(3));
        params.put("dropout", random.nextDouble() * 0.5);
        params.put("l2", Math.pow(10, -6 + 4 * random.nextDouble()));
        params.put("activation", List.of("RELU", "TANH", "LEAKYRELU").get(random.nextInt(3)));
        return params;
    }

    /** Best near a learning rate of 1e-2.5; dropout matters a little, the rest is noise. */
    private static double accuracy(Map<String, Object> params, SplittableRandom random) {
        double lr = Math.log10((Double) params.get("learning_rate"));
        double dropout = (Double) params.get("dropout");
        return Math.max(0.1, 0.97 - 0.08 * (lr + 2.5) * (lr + 2.5) - 0.05 * dropout + 0.01 * random.nextDouble());
    }
}
