package io.tune4j.trainer.cluster;

import io.tune4j.search.study.Objective;
import io.tune4j.trainer.pool.ObjectiveFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Objectives for cluster tests, built on the worker from the payload {@code SCRIPT:DIR}. "plain": three epochs
 * and x. "throws": one epoch, then an exception. "rendezvous": each trial
 * leaves its worker's pid in DIR and waits until two workers have, so with one slot per worker the trials must
 * spread over both; "die-once": the first attempt reports epoch 1 and kills its worker with SIGKILL, the next
 * reports epochs 1-3 (scores 101-103) and returns x; "stall-once": as die-once, but the first attempt writes its
 * worker's pid to DIR/stalled and waits, for the test to freeze that worker.
 */
public final class ClusterObjectives implements ObjectiveFactory {
    @Override
    public Objective create(String payload) {
        String script = payload.substring(0, payload.indexOf(':'));
        Path dir = Path.of(payload.substring(payload.indexOf(':') + 1));
        long pid = ProcessHandle.current().pid();
        return switch (script) {
            case "plain" -> trial -> {
                for (int epoch = 1; epoch <= 3; epoch++) trial.report(epoch, Map.of("score", epoch / 10.0));
                return trial.getDouble("x");
            };
            case "throws" -> trial -> {
                trial.report(1, Map.of("score", 0.5));
                throw new IllegalStateException("boom on the worker");
            };
            case "rendezvous" -> trial -> {
                Files.writeString(dir.resolve(pid + ".pid"), "");
                for (int wait = 0; wait < 3_000 && countPids(dir) < 2; wait++) Thread.sleep(100);
                for (int epoch = 1; epoch <= 3; epoch++) trial.report(epoch, Map.of("score", epoch / 10.0));
                return trial.getDouble("x");
            };
            case "die-once", "stall-once" -> trial -> {
                Path marker = dir.resolve(script.equals("die-once") ? "died" : "stalled");
                if (!Files.exists(marker)) {
                    trial.report(1, Map.of("score", 0.1));
                    Files.writeString(marker, String.valueOf(pid));
                    // die-once kills its own worker; stall-once waits here for the test to freeze it (SIGSTOP).
                    if (script.equals("die-once")) new ProcessBuilder("kill", "-9", String.valueOf(pid)).start().waitFor();
                    Thread.sleep(600_000);
                }
                for (int epoch = 1; epoch <= 3; epoch++) trial.report(epoch, Map.of("score", 100.0 + epoch));
                trial.setAttribute("ran_with", trial.params().toString());
                return trial.getDouble("x");
            };
            default -> throw new IllegalArgumentException("unknown script " + script);
        };
    }

    private static long countPids(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".pid")).count();
        }
    }
}
