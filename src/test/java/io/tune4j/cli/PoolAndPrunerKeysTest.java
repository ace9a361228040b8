package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.pruner.HyperbandPruner;
import io.tune4j.search.pruner.MedianPruner;
import io.tune4j.search.pruner.NopPruner;
import io.tune4j.search.pruner.SuccessiveHalvingPruner;
import io.tune4j.search.spec.PrunerSettings;
import io.tune4j.search.spec.SpecException;
import io.tune4j.trainer.pool.PoolSettings;
import io.tune4j.trainer.pool.PoolSettings.Isolation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainer-pool keys of {@code search:} and the {@code pruner:} section, read from real space files. */
class PoolAndPrunerKeysTest {
    /** Two lines: the section under test starts at line 3. */
    private static final String HEAD = """
            study: t
            dataset: iris
            """;
    private static final String SPACE = "space: {units: {int: [8, 16]}}\n";

    @TempDir Path dir;

    @Test
    void everyKeyIsRead() throws IOException {
        StudyPlan plan = load(HEAD + """
                search: {parallel: 3, threads_per_worker: 2, isolation: process, devices: [0, 1], trials_per_device: 2}
                training: {epochs: 18}
                pruner: {type: hyperband, min_epochs: 2, reduction_factor: 3}
                """ + SPACE);
        assertEquals(new PoolSettings(3, 2, Isolation.PROCESS, List.of(0, 1), 2), plan.pool());
        assertEquals(new PrunerSettings("hyperband", 2, 3, null, 5, 0), plan.pruner());
        HyperbandPruner hyperband = assertInstanceOf(HyperbandPruner.class, plan.createPruner());
        assertEquals(3, hyperband.bracketCount(), "rungs 2, 6, 18: max_epochs defaults to the training's epochs");
        assertInstanceOf(MedianPruner.class, load(HEAD + "pruner: {type: median, warmup_trials: 3, warmup_epochs: 2}\n"
                + SPACE).createPruner());
        assertInstanceOf(SuccessiveHalvingPruner.class, load(HEAD + "pruner: {type: asha}\n" + SPACE).createPruner());
    }

    @Test
    void withoutKeysEachCoreGetsAOneThreadWorkerInThisJvmAndNothingIsPruned() throws IOException {
        StudyPlan plan = load(HEAD + SPACE);
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(new PoolSettings(cores, 1, Isolation.THREAD, List.of(), 1), plan.pool());
        assertEquals(Math.max(1, cores / 2), load(HEAD + "search: {threads_per_worker: 2}\n" + SPACE).pool().parallel());
        assertEquals(4, load(HEAD + "search: {devices: [0, 1], trials_per_device: 2}\n" + SPACE).pool().parallel(),
                "on GPUs: every slot of every device");
        assertInstanceOf(NopPruner.class, plan.createPruner());
    }

    @Test
    void badPoolValuesNameTheirKey() {
        assertFailure(HEAD + "search:\n  isolation: fork\n" + SPACE, 4, "search.isolation", "unknown isolation 'fork'");
        assertFailure(HEAD + "search: {devices: [0, 0]}\n" + SPACE, 3, "search.devices[1]", "GPU 0 is listed twice");
        assertFailure(HEAD + "search: {devices: gpu}\n" + SPACE, 3, "search.devices", "expected cpu or a list");
        assertFailure(HEAD + "search: {devices: [-1]}\n" + SPACE, 3, "search.devices[0]", "must be at least 0");
        assertFailure(HEAD + "search: {trials_per_device: 2}\n" + SPACE, 3, "search.trials_per_device",
                "applies to GPUs only");
        assertFailure(HEAD + "search:\n  devices: [0]\n  parallel: 3\n" + SPACE, 5, "search.parallel",
                "parallel 3 exceeds what the GPUs hold: 1 device(s) x trials_per_device 1");
        assertFailure(HEAD + "search: {parallel: 0}\n" + SPACE, 3, "search.parallel", "must be at least 1");
        assertFailure(HEAD + "search: {threads_per_worker: 0}\n" + SPACE, 3, "search.threads_per_worker",
                "must be at least 1");
    }

    @Test
    void badPrunerValuesNameTheirKey() {
        assertFailure(HEAD + "pruner: {type: ashaa}\n" + SPACE, 3, "pruner.type", "did you mean 'asha'?");
        assertFailure(HEAD + "pruner: {min_epochs: 2}\n" + SPACE, 3, "pruner.type", "is required but missing");
        assertFailure(HEAD + "pruner:\n  type: asha\n  warmup_trials: 3\n" + SPACE, 5, "pruner.warmup_trials",
                "unknown key 'warmup_trials'");
        assertFailure(HEAD + "pruner: {type: asha, reduction_factor: 1}\n" + SPACE, 3, "pruner.reduction_factor",
                "must be at least 2, got 1");
        assertFailure(HEAD + "pruner: {type: hyperband, min_epochs: 4, max_epochs: 2}\n" + SPACE, 3,
                "pruner.max_epochs", "must be at least min_epochs (4), got 2");
        assertFailure(HEAD + "pruner: {type: median, warmup_epochs: -1}\n" + SPACE, 3, "pruner.warmup_epochs",
                "must be at least 0");
    }

    private StudyPlan load(String yaml) throws IOException {
        Path file = dir.resolve("ok.yaml");
        Files.writeString(file, yaml);
        return StudyFile.load(file);
    }

    private void assertFailure(String yaml, int line, String key, String fragment) {
        Path file = dir.resolve("bad.yaml");
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        SpecException e = assertThrows(SpecException.class, () -> StudyFile.load(file));
        String message = e.getMessage();
        assertEquals(line, e.line(), message);
        assertEquals(key, e.key(), message);
        assertTrue(message.startsWith(file + ":" + line + ": " + key + ": "), message);
        assertTrue(message.contains(fragment), "expected '" + fragment + "' in " + message);
    }
}
