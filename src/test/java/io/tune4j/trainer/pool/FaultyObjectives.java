package io.tune4j.trainer.pool;

import io.tune4j.search.study.Objective;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Objectives for NativeFaultsTest, by trial number: 0 dies of SIGSEGV, 1 of SIGABRT, 2 asks ND4J for more native
 * (off-heap) memory than the machine has, 3 returns an infinite loss, the others return x.
 */
public final class FaultyObjectives implements ObjectiveFactory {
    @Override
    public Objective create(String payload) {
        return trial -> switch (trial.number()) {
            case 0 -> signalMyself("SEGV");
            case 1 -> signalMyself("ABRT");
            case 2 -> Nd4j.create(DataType.FLOAT, 1L << 40).sumNumber().doubleValue(); // 4 TiB: no machine grants it
            case 3 -> Double.POSITIVE_INFINITY;
            default -> trial.getDouble("x");
        };
    }

    private static double signalMyself(String signal) throws Exception {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(ProcessHandle.current().pid())).start().waitFor();
        Thread.sleep(60_000);
        return 0;
    }
}
