package io.tune4j.search.study;

import io.tune4j.search.sampler.tpe.TpeSampler;
import io.tune4j.store.H2StudyStore;
import java.nio.file.Path;

/**
 * Another process driving a study by ask and tell, as a user's own loop would: it asks one trial and tells
 * it, then tells trial {@code args[1]}, which another process asked, by its number.
 */
public final class ExternalLoop {
    private ExternalLoop() {}

    public static void main(String[] args) {
        try (H2StudyStore store = H2StudyStore.openFile(Path.of(args[0]))) {
            Study study = Study.open(AskAndTellTest.DEFINITION, AskAndTellTest.SPACE, new TpeSampler(3), store);
            Trial mine = study.ask();
            study.tell(mine, AskAndTellTest.objective(mine.params()));
            int theirs = Integer.parseInt(args[1]);
            study.tell(theirs, AskAndTellTest.objective(store.trial(study.record().id(), theirs).orElseThrow().params()));
            System.out.println("asked " + mine.number());
        }
    }
}
