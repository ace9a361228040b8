package io.tune4j.store;

import java.io.IOException;
import java.nio.file.Path;

/** A second process for tests: opens a results database, says so, and holds it until its stdin closes. */
public final class HoldDatabase {
    private HoldDatabase() {}

    public static void main(String[] args) throws IOException {
        try (H2StudyStore store = H2StudyStore.openFile(Path.of(args[0]))) {
            System.out.println("open");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }
}
