package io.tune4j.trainer.pool;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lines a worker process and its parent exchange, one JSON object a line (a cluster worker and its study
 * exchange the same objects as event bus messages). JSON has no NaN, so metric values travel as numbers or,
 * when not finite, as the strings "NaN", "Infinity", "-Infinity".
 */
public final class ProcessMessages {
    public static final String REPORT = "report";
    public static final String ATTRIBUTE = "attribute";
    public static final String ASK_PRUNE = "should_prune";
    public static final String VALUE = "value";
    public static final String PRUNED = "pruned";
    public static final String FAILED = "failed";

    private ProcessMessages() {}

    public static JsonObject of(String type) {
        return new JsonObject().put("type", type);
    }

    public static Object number(double value) {
        return Double.isFinite(value) ? (Object) value : Double.toString(value);
    }

    public static double number(Object json) {
        if (json instanceof Number n) return n.doubleValue();
        return Double.parseDouble(String.valueOf(json));
    }

    public static JsonObject metrics(Map<String, Double> metrics) {
        JsonObject json = new JsonObject();
        metrics.forEach((name, value) -> json.put(name, number(value)));
        return json;
    }

    public static Map<String, Double> metrics(JsonObject json) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String name : json.fieldNames()) metrics.put(name, number(json.getValue(name)));
        return metrics;
    }
}
