package io.tune4j.store;

import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudyDefinition;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens a results database as a run does and holds it until its stdin closes; with a second argument
 * {@code trial}, it first stores study {@code s} with one running trial.
 */
public final class HoldDatabase {
    private HoldDatabase() {}

    public static void main(String[] args) throws IOException {
        try (H2StudyStore store = H2StudyStore.openFile(Path.of(args[0]))) {
            if (args.length > 1) {
                long study = store.openStudy(new StudyDefinition("s", Direction.MINIMIZE, "loss"), "random", 1).id();
                store.createTrial(study, "holder");
            }
            System.out.println("open");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }
}
