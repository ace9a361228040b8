package io.tune4j.trainer.network;

import java.util.Optional;

/** A param a network reads: its name and which values it accepts. Space files are checked against these. */
public interface ParamRule {
    String key();

    /** Why {@code value} cannot be used, or empty when it can. */
    Optional<String> problemWith(Object value);
}
