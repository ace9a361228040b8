package io.tune4j.trainer.pool;

import io.tune4j.search.study.Objective;
import io.tune4j.search.study.TrialPrunedException;
import java.util.Map;

/**
 * Objectives for worker-process tests, chosen by the payload: "by-number" makes trial 0 exit with code 3,
 * trial 1 kill its own JVM with SIGKILL, trial 2 throw, and the others report three epochs and a value;
 * "learning" reports a curve towards x and stops when the pruner says so.
 */
public final class ScriptedObjectives implements ObjectiveFactory {
    @Override
    public Objective create(String payload) {
        return switch (payload) {
            case "by-number" -> trial -> switch (trial.number()) {
                case 0 -> {
                    System.err.println("about to exit with 3");
                    Runtime.getRuntime().halt(3);
                    yield 0;
                }
                case 1 -> {
                    new ProcessBuilder("kill", "-9", String.valueOf(ProcessHandle.current().pid())).start().waitFor();
                    Thread.sleep(60_000);
                    yield 0;
                }
                case 2 -> throw new IllegalStateException("boom in the child");
                default -> {
                    for (int epoch = 1; epoch <= 3; epoch++) {
                        trial.report(epoch, Map.of("score", epoch / 10.0, "loss", Double.NaN));
                    }
                    trial.setAttribute("where", "child " + ProcessHandle.current().pid());
                    yield trial.getDouble("x");
                }
            };
            case "learning" -> trial -> {
                double score = 0;
                for (int epoch = 1; epoch <= 9; epoch++) {
                    score = trial.getDouble("x") * epoch / (epoch + 1.0);
                    trial.report(epoch, Map.of("score", score));
                    if (trial.shouldPrune()) throw new TrialPrunedException(epoch);
                }
                return score;
            };
            default -> throw new IllegalArgumentException("unknown script " + payload);
        };
    }
}
