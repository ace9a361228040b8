package io.tune4j.cli;

import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.StudyStore;
import io.tune4j.store.FreeSpaceWatch;
import io.tune4j.store.H2StudyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --results DIR}: the folder holding the H2 database and the exports, shared by every command. */
final class ResultsOption {
    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
            description = "Folder of the results database and exports (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--results-server", paramLabel = "FILE",
            description = "The tune4j.client file of a results database that `tune4j serve` serves on another"
                    + " machine: studies and trials are read and written there; models and exports still go to --results.")
    Path server;

    /** The store of an existing results folder; reading commands must not create an empty database. */
    H2StudyStore openExisting() {
        if (server != null) return H2StudyStore.openRemote(server);
        if (!Files.exists(dir.resolve(H2StudyStore.FILE_NAME))) {
            throw new UserError("no results database in " + dir.toAbsolutePath()
                    + " (run a study first, or pass --results DIR)");
        }
        return H2StudyStore.openReader(dir);
    }

    H2StudyStore openOrCreate() {
        return server != null ? H2StudyStore.openRemote(server) : H2StudyStore.openFile(dir);
    }

    /** Refuses to start a run on a disk that is already (almost) full: it would stop at once. */
    void requireFreeSpace() {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return;
        long free = FreeSpaceWatch.usable(existing).orElse(Long.MAX_VALUE);
        if (free < FreeSpaceWatch.FLOOR) {
            throw new UserError("the disk of the results folder " + dir.toAbsolutePath() + " is full ("
                    + FreeSpaceWatch.megabytes(free) + " left, a run needs " + FreeSpaceWatch.megabytes(FreeSpaceWatch.FLOOR) + ")");
        }
    }

    static StudyRecord requireStudy(StudyStore store, String name) {
        return store.findStudy(name).orElseThrow(() -> {
            List<String> known = store.studies().stream().map(s -> s.name()).toList();
            return new UserError("no study named '" + name + "'; "
                    + (known.isEmpty() ? "the database holds none yet" : "known: " + String.join(", ", known)));
        });
    }

    Path studyDir(String study) {
        return dir.resolve(study);
    }
}
