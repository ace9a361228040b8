package io.tune4j.bench;

import io.tune4j.search.sampler.RandomSampler;
import io.tune4j.search.sampler.tpe.TpeSampler;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.Study;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.search.study.Trial;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.WarmStart;
import io.tune4j.store.H2StudyStore;
import java.util.List;

/**
 * What a warm start is worth: for each seed, an old study of 60 random trials on a 2-D bowl whose minimum sits
 * in a corner, then the mean loss of the first 8 TPE trials of a new study, cold and warm-started from the old
 * one. Prints figures; asserts nothing (WarmStartTest asserts the direction).
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/classpath.txt) \
 *     io.tune4j.bench.WarmStartBenchmark 10</pre>
 */
public final class WarmStartBenchmark {
    private static final SearchSpace SPACE = SearchSpace.builder().uniform("x", -10, 10).uniform("y", -10, 10).build();

    private WarmStartBenchmark() {}

    private static double loss(Trial trial) {
        double x = trial.getDouble("x");
        double y = trial.getDouble("y");
        return (x - 6) * (x - 6) + (y + 6) * (y + 6);
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        double coldSum = 0;
        double warmSum = 0;
        for (int seed = 0; seed < seeds; seed++) {
            try (H2StudyStore store = H2StudyStore.inMemory()) {
                Study old = Study.open(new StudyDefinition("old", Direction.MINIMIZE, "loss"), SPACE,
                        new RandomSampler(100 + seed), store);
                old.optimize(WarmStartBenchmark::loss, 60);
                double cold = firstEight(store, "cold", seed, List.of());
                List<TrialRecord> usable = WarmStart.usable(old.record(), store.trials(old.record().id()),
                        new StudyDefinition("warm", Direction.MINIMIZE, "loss"), SPACE);
                double warm = firstEight(store, "warm", seed, usable);
                coldSum += cold;
                warmSum += warm;
                System.out.printf("seed %d: first 8 TPE trials, mean loss cold %.1f, warm %.1f (old study's best %.1f)%n",
                        seed, cold, warm, old.bestTrial().orElseThrow().value());
            }
        }
        System.out.printf("mean over %d seeds: cold %.1f, warm %.1f%n", seeds, coldSum / seeds, warmSum / seeds);
    }

    private static double firstEight(H2StudyStore store, String name, int seed, List<TrialRecord> warmStart) {
        Study study = Study.open(new StudyDefinition(name, Direction.MINIMIZE, "loss"), SPACE, new TpeSampler(seed), store);
        study.warmStart(warmStart);
        return study.optimize(WarmStartBenchmark::loss, 8).stream().mapToDouble(TrialRecord::value).average()
                .orElseThrow();
    }
}
