package io.tune4j.trainer.training;

/**
 * A trial's params describe a network that cannot be built for its input (a kernel larger than what reaches it)
 * or cannot fit in memory: the trial fails before it trains, marked {@code infeasible} for the samplers.
 */
public final class InfeasibleNetworkException extends RuntimeException {
    public InfeasibleNetworkException(String message) {
        super(message);
    }
}
