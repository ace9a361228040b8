package io.tune4j.trainer.cluster;

import io.tune4j.trainer.pool.ProcessMessages;
import io.tune4j.trainer.training.TaskMetrics;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks what a worker sends before the study acts on it: a message that does not fit (a step that is not a
 * whole number, a metric or value that is not a number, an attribute the study keeps itself, text longer than
 * its column) fails the one trial it belongs to, or is refused, and never reaches the store or the sampler.
 */
final class WorkerMessages {
    /**
     * Attributes tune4j's commands read as numbers (the leaderboard, the trials table, the report): these, and
     * every test-part metric ({@code test_rmse}, {@code test_f1}, …).
     */
    private static final Set<String> NUMERIC_ATTRIBUTES =
            Set.of("train_seconds", "best_epoch", "epochs_trained", "value_std", "folds");
    /** Attributes the study writes about a trial's attempts and re-runs; a worker may not set them. */
    private static final Pattern STUDY_ATTRIBUTES = Pattern.compile("retry|retry_of|retried_as|attempts|attempt_\\d+_lost");
    private static final Set<String> NON_FINITE = Set.of("NaN", "Infinity", "-Infinity");
    private static final int NAME_CHARS = 255;
    private static final int TEXT_CHARS = 4096;
    private static final int MAX_SLOTS = 4096;

    private WorkerMessages() {}

    /** A hello: the worker's id, name, slots and Hazelcast member. */
    static void checkHello(JsonObject hello) {
        text(hello, "worker", NAME_CHARS);
        text(hello, "name", NAME_CHARS);
        int slots = whole(hello, "slots");
        if (slots < 1 || slots > MAX_SLOTS) throw new IllegalArgumentException("slots must be 1.." + MAX_SLOTS + ", got " + slots);
        try {
            UUID.fromString(text(hello, "member", NAME_CHARS));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("member is not a Hazelcast member id");
        }
    }

    /** One event of a running trial, by its {@code type}. */
    static void checkTrialEvent(JsonObject event) {
        String type = text(event, "type", NAME_CHARS);
        switch (type) {
            case ClusterProtocol.DEVICE -> text(event, "device", 32);
            case ProcessMessages.REPORT -> {
                step(event);
                if (!(event.getValue("metrics") instanceof JsonObject metrics) || metrics.isEmpty()) {
                    throw new IllegalArgumentException("metrics must be a non-empty object");
                }
                for (String name : metrics.fieldNames()) {
                    if (name.isEmpty() || name.length() > NAME_CHARS) throw new IllegalArgumentException("metric name '" + name + "'");
                    number(metrics.getValue(name), "metric " + name);
                }
            }
            case ProcessMessages.ATTRIBUTE -> {
                String key = text(event, "key", NAME_CHARS);
                String value = text(event, "value", TEXT_CHARS);
                if (STUDY_ATTRIBUTES.matcher(key).matches()) throw new IllegalArgumentException("attribute " + key + " is the study's own");
                if (NUMERIC_ATTRIBUTES.contains(key) || key.startsWith(TaskMetrics.TEST)) number(value, "attribute " + key);
            }
            case ProcessMessages.ASK_PRUNE -> { }
            case ProcessMessages.VALUE -> number(event.getValue("value"), "value");
            case ProcessMessages.PRUNED -> step(event);
            case ProcessMessages.FAILED -> text(event, "error", TEXT_CHARS);
            default -> throw new IllegalArgumentException("unknown type '" + type + "'");
        }
    }

    private static String text(JsonObject json, String key, int maxChars) {
        if (!(json.getValue(key) instanceof String text) || text.isEmpty() || text.length() > maxChars) {
            throw new IllegalArgumentException(key + " must be text of 1.." + maxChars + " characters");
        }
        return text;
    }

    private static int whole(JsonObject json, String key) {
        if (!(json.getValue(key) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || Math.abs(n.doubleValue()) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + " must be a whole number, got " + json.getValue(key));
        }
        return n.intValue();
    }

    private static void step(JsonObject event) {
        if (whole(event, "step") < 0) throw new IllegalArgumentException("step must be >= 0, got " + event.getValue("step"));
    }

    /** A number as {@link ProcessMessages} sends one: JSON number, or the text of a non-finite double. */
    private static void number(Object value, String what) {
        if (value instanceof Number || value instanceof String s && NON_FINITE.contains(s)) return;
        if (value instanceof String s && what.startsWith("attribute")) {
            try {
                Double.parseDouble(s);
                return;
            } catch (NumberFormatException notANumber) {
                // reported below
            }
        }
        throw new IllegalArgumentException(what + " must be a number, got '" + value + "'");
    }
}
