package io.tune4j.trainer.pool;

import java.util.Map;

/** An objective that can tell, before a trial runs, how much device memory training it will take. */
public interface MemoryNeeds {
    /** The estimate for a trial of {@code params}, in bytes; 0 when it cannot be told. */
    long trainingBytes(Map<String, Object> params);
}
