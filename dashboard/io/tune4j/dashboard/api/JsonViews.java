package io.tune4j.dashboard.api;

import io.tune4j.search.space.Distribution;
import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.StudySummary;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.query.ParamColumn;
import io.tune4j.store.query.TrialValue;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the API (documented in the README's "HTTP API" section). */
public final class JsonViews {
    private JsonViews() {}

    public static JsonObject study(long id, StudySummary summary) {
        JsonObject states = new JsonObject();
        for (TrialState state : TrialState.values()) {
            states.put(state.name(), summary.trialsByState().getOrDefault(state, 0));
        }
        return new JsonObject().put("id", id).put("name", summary.name())
                .put("direction", summary.direction().name()).put("metric", summary.metric())
                .put("sampler", summary.sampler()).put("trials", summary.totalTrials()).put("states", states)
                .put("best", summary.bestValue()).put("lastActivity", time(summary.lastActivity()));
    }

    public static JsonObject study(StudyRecord record) {
        return new JsonObject().put("id", record.id()).put("name", record.name())
                .put("direction", record.definition().direction().name()).put("metric", record.definition().metric())
                .put("sampler", record.sampler()).put("createdAt", time(record.createdAt()));
    }

    /** A trial as the leaderboard and the live feed show it. */
    public static JsonObject trial(TrialRecord trial) {
        JsonObject params = new JsonObject();
        trial.params().forEach(params::put);
        JsonObject attributes = new JsonObject();
        trial.attributes().forEach(attributes::put);
        return new JsonObject().put("number", trial.number()).put("state", trial.state().name())
                .put("value", trial.value()).put("params", params).put("startedAt", time(trial.startedAt()))
                .put("finishedAt", time(trial.finishedAt())).put("worker", trial.worker())
                .put("device", trial.device()).put("seed", trial.seed()).put("error", trial.error())
                .put("attributes", attributes);
    }

    /** One reported value: {@code {step, metric, value}}. */
    public static JsonObject value(TrialValue value) {
        return new JsonObject().put("step", value.step()).put("metric", value.metric()).put("value", value.value());
    }

    /** A trial's curves: metric name to [[step, value], ...] in step order. */
    public static JsonObject curves(List<TrialValue> values) {
        JsonObject curves = new JsonObject();
        for (TrialValue value : values) {
            JsonArray points = curves.getJsonArray(value.metric());
            if (points == null) {
                points = new JsonArray();
                curves.put(value.metric(), points);
            }
            points.add(new JsonArray().add(value.step()).add(value.value()));
        }
        return curves;
    }

    /**
     * A param with the axis every chart draws it on: {@code scale} (log, linear or categorical), {@code low}
     * and {@code high}, and {@code choices} in order, all from the declared space when the store has it
     * ({@code declared} names its distribution), else from the values seen on a linear axis.
     */
    public static JsonObject param(ParamColumn column) {
        Distribution declared = column.declared();
        boolean categorical = declared != null ? declared.categorical() : !column.numeric();
        String scale = categorical ? "categorical" : declared != null && declared.log() ? "log" : "linear";
        Double low = declared != null ? declared.low() : column.min();
        Double high = declared != null ? declared.high() : column.max();
        List<String> choices = declared != null && declared.categorical() ? declared.choices() : column.choices();
        return new JsonObject().put("name", column.name()).put("kind", column.kind())
                .put("numeric", column.numeric()).put("min", column.min()).put("max", column.max())
                .put("declared", declared == null ? null : declared.type()).put("scale", scale)
                .put("low", low).put("high", high).put("choices", new JsonArray(List.copyOf(choices)));
    }

    public static JsonArray array(List<JsonObject> items) {
        JsonArray array = new JsonArray();
        items.forEach(array::add);
        return array;
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
