package io.tune4j.bench;

import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.search.study.StudyStore;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * How the H2 store holds up as a study grows: fills one study through the store's own API (each trial
 * created, its params set, every epoch reported, finished: the writes a real run makes) and times the
 * reads the commands make. Prints figures; asserts nothing.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/classpath.txt) \
 *     io.tune4j.bench.StoreScaleBenchmark 100000 3</pre>
 */
public final class StoreScaleBenchmark {
    private StoreScaleBenchmark() {}

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("tune4j-store-bench");
        SplittableRandom random = new SplittableRandom(1);
        try (StudyStore store = H2StudyStore.openFile(dir)) {
            long study = store.openStudy(new StudyDefinition("bench", Direction.MAXIMIZE, "val_accuracy"), "random", 1).id();
            long start = System.nanoTime();
            for (int n = 0; n < trials; n++) {
                TrialRecord trial = store.createTrial(study, "bench");
                store.setParams(trial.id(), params(random));
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    store.reportIntermediate(trial.id(), epoch, Map.of("train_loss", random.nextDouble(),
                            "val_loss", random.nextDouble(), "val_accuracy", random.nextDouble()));
                }
                store.finishTrial(trial.id(), TrialState.COMPLETE, random.nextDouble(), null);
            }
            double fillSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("filled %,d trials x %d epochs x 3 metrics in %.1f s: %.2f ms of store writes per trial%n",
                    trials, epochs, fillSeconds, fillSeconds * 1000 / trials);
            time("leaderboard: top 10 trials", () -> store.topTrials(study, 10).size());
            time("studies list", () -> store.studies().size());
            time("one trial's curves", () -> store.intermediateValues(store.topTrials(study, 1).get(0).id()).size());
            time("all trials with params (a study opening)", () -> store.trials(study).size());
        }
        System.out.printf("database file: %,d bytes%n", Files.size(dir.resolve(H2StudyStore.FILE_NAME)));
    }

    private static Map<String, Object> params(SplittableRandom random) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("learning_rate", Math.pow(10, -4 + 3 * random.nextDouble()));
        params.put("batch_size", List.of(32, 64, 128).get(random.nextInt(3)));
        params.put("optimizer", List.of("adam", "nesterov", "rmsprop").get(random.nextInt(3)));
        params.put("units", 16 + random.nextInt(500));
        params.put("hidden_layers", 1 + random.nextInt(3));
        params.put("dropout", random.nextDouble() * 0.5);
        params.put("l2", Math.pow(10, -6 + 4 * random.nextDouble()));
        params.put("activation", List.of("RELU", "TANH").get(random.nextInt(2)));
        return params;
    }

    /** Median of five runs after one warm-up, so one slow run (JIT, GC) does not stand for the read. */
    private static void time(String what, Supplier<Integer> read) {
        read.get();
        double[] ms = new double[5];
        int rows = 0;
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            rows = read.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(ms);
        System.out.printf("%-45s %,10.2f ms  (%,d rows)%n", what, ms[2], rows);
    }
}
