package io.tune4j.search.study;

import java.time.Duration;

/**
 * How much one {@code optimize} call may spend: a number of new trials, and optionally a wall-clock limit
 * after which no new trial starts (running ones finish).
 */
public record Budget(int trials, Duration timeout) {
    public Budget {
        if (trials <= 0) throw new IllegalArgumentException("trials must be > 0, got " + trials);
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    public static Budget trials(int trials) {
        return new Budget(trials, null);
    }
}
