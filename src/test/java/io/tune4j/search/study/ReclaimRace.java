package io.tune4j.search.study;

import io.tune4j.search.pruner.NopPruner;
import io.tune4j.search.sampler.RandomSampler;
import io.tune4j.store.H2StudyStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;

/**
 * A second (and third) process for ConcurrentReclaimTest: opens the shared study when told "go" (which
 * reclaims its stale trials), takes WAITING trials until none is left, prints what it got, and holds the
 * database until told "exit".
 */
public final class ReclaimRace {
    private ReclaimRace() {}

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        try (H2StudyStore store = H2StudyStore.openFile(Path.of(args[0]))) {
            System.out.println("ready");
            System.out.flush();
            if (!"go".equals(in.readLine())) return;
            Study study = Study.open(ConcurrentReclaimTest.DEFINITION, ConcurrentReclaimTest.SPACE,
                    new RandomSampler(1), new NopPruner(), store, FaultTolerance.DEFAULTS);
            StringBuilder reclaimed = new StringBuilder("reclaimed");
            for (Reclaimed dead : study.reclaimed()) reclaimed.append(' ').append(dead.failed().number());
            StringBuilder claimed = new StringBuilder("claimed");
            while (true) {
                var trial = store.claimWaiting(study.record().id(), "racer");
                if (trial.isEmpty()) break;
                claimed.append(' ').append(trial.get().number());
            }
            System.out.println(reclaimed);
            System.out.println(claimed);
            System.out.flush();
            in.readLine(); // "exit": the first process serves the database; it must outlive the other's work
        }
    }
}
