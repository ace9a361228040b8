package io.tune4j.trainer.cluster;

import io.tune4j.trainer.pool.MessagedTrial;
import io.tune4j.trainer.pool.ProcessMessages;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A trial as the objective on a cluster worker sees it: every call is a request to the study, which stores it
 * and answers. Waiting for the answer keeps a trial's events in order and tells the trial at once when the
 * study no longer wants it (re-sent elsewhere, or the study is gone): the call throws and the trial ends.
 */
final class RemoteTrial extends MessagedTrial {
    private final SignedBus bus;
    private final String attempt;

    RemoteTrial(SignedBus bus, JsonObject request) {
        super(request);
        this.bus = bus;
        this.attempt = request.getString("attempt");
    }

    @Override
    public void recordDevice(String device) {
        send(ProcessMessages.of(ClusterProtocol.DEVICE).put("device", device));
    }

    @Override
    public boolean shouldPrune() {
        return Boolean.TRUE.equals(request(ProcessMessages.of(ProcessMessages.ASK_PRUNE)));
    }

    @Override
    protected void send(JsonObject event) {
        request(event);
    }

    /** Sends one event of this attempt and waits for the study's answer. */
    private Object request(JsonObject event) {
        try {
            return bus.request(ClusterProtocol.TRIAL_EVENTS, event.put("attempt", attempt), ClusterProtocol.REQUEST)
                    .toCompletionStage().toCompletableFuture().get(ClusterProtocol.REQUEST.getSendTimeout() + 5_000,
                            TimeUnit.MILLISECONDS).getValue("value");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the study did not take trial " + number() + "'s "
                    + event.getString("type") + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("trial " + number() + " was stopped on this worker", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the study did not answer trial " + number() + "'s " + event.getString("type"), e);
        }
    }
}
