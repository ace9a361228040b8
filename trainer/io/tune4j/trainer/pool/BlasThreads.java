package io.tune4j.trainer.pool;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Sets how many threads ND4J's native ops and OpenBLAS use. These are process-wide in ND4J, so every worker
 * of an in-process pool shares one value: threads_per_worker. (stack.md: on 2 cores, two 1-thread trials
 * train ~50% more samples/s than one 2-thread trial, and an unset count spins every core.)
 */
final class BlasThreads {
    private BlasThreads() {}

    static void limit(int threads) {
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }
}
