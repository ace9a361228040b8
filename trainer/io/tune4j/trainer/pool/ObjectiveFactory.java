package io.tune4j.trainer.pool;

import io.tune4j.search.study.Objective;

/**
 * Builds, inside a worker process, the objective its trial runs. Implementations need a public no-argument
 * constructor: the child JVM creates one by class name and hands it the pool's {@code payload} (for a DL4J
 * study, the space file's text and folders).
 */
public interface ObjectiveFactory {
    Objective create(String payload) throws Exception;
}
