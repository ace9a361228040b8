package io.tune4j.trainer.cluster;

import io.tune4j.search.study.Trial;
import io.tune4j.trainer.pool.ProcessMessages;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A trial as the objective on a cluster worker sees it: every call is a request to the study, which stores it
 * and answers. Waiting for the answer keeps a trial's events in order and tells the trial at once when the
 * study no longer wants it (re-sent elsewhere, or the study is gone): the call throws and the trial ends.
 */
final class RemoteTrial implements Trial {
    private final EventBus bus;
    private final String attempt;
    private final int number;
    private final long seed;
    private final Map<String, Object> params;

    RemoteTrial(EventBus bus, JsonObject request) {
        this.bus = bus;
        this.attempt = request.getString("attempt");
        this.number = request.getInteger("number");
        this.seed = request.getLong("seed");
        this.params = new LinkedHashMap<>(request.getJsonObject("params").getMap());
    }

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
        send(ProcessMessages.of(ProcessMessages.REPORT).put("step", step).put("metrics", ProcessMessages.metrics(metrics)));
    }

    @Override
    public void setAttribute(String key, String value) {
        send(ProcessMessages.of(ProcessMessages.ATTRIBUTE).put("key", key).put("value", value));
    }

    @Override
    public void recordDevice(String device) {
        send(ProcessMessages.of(ClusterProtocol.DEVICE).put("device", device));
    }

    @Override
    public boolean shouldPrune() {
        return (Boolean) send(ProcessMessages.of(ProcessMessages.ASK_PRUNE));
    }

    /** Sends one event of this attempt and waits for the study's answer. */
    Object send(JsonObject event) {
        try {
            return bus.request(ClusterProtocol.TRIAL_EVENTS, event.put("attempt", attempt), ClusterProtocol.REQUEST)
                    .toCompletionStage().toCompletableFuture().get(ClusterProtocol.REQUEST.getSendTimeout() + 5_000,
                            TimeUnit.MILLISECONDS).body();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the study did not take trial " + number + "'s "
                    + event.getString("type") + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("trial " + number + " was stopped on this worker", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the study did not answer trial " + number + "'s " + event.getString("type"), e);
        }
    }
}
