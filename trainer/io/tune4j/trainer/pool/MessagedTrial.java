package io.tune4j.trainer.pool;

import io.tune4j.search.study.Trial;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trial run away from the study's store (a child JVM, a cluster worker): it is read from the study's trial
 * request, and each report and attribute becomes a {@link ProcessMessages} message to the study. Subclasses
 * say how a message travels and how a prune question is answered.
 */
public abstract class MessagedTrial implements Trial {
    private final int number;
    private final long seed;
    private final Map<String, Object> params;

    protected MessagedTrial(JsonObject request) {
        this.number = request.getInteger("number");
        this.seed = request.getLong("seed");
        this.params = new LinkedHashMap<>(request.getJsonObject("params").getMap());
    }

    /** Hands {@code message} to the study. */
    protected abstract void send(JsonObject message);

    @Override
    public int number() {
        return number;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Map<String, Object> params() {
        return params;
    }

    @Override
    public void report(int step, Map<String, Double> metrics) {
        send(ProcessMessages.of(ProcessMessages.REPORT).put("step", step)
                .put("metrics", ProcessMessages.metrics(metrics)));
    }

    @Override
    public void setAttribute(String key, String value) {
        send(ProcessMessages.of(ProcessMessages.ATTRIBUTE).put("key", key).put("value", value));
    }
}
