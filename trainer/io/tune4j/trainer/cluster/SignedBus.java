package io.tune4j.trainer.cluster;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The event bus as the study and its workers use it: every request and every answer is sealed with the
 * cluster's key ({@link MessageSeal}); a message that does not open is answered with a failure and never
 * reaches the handler. An answer is sealed for the request it answers, so it cannot answer another.
 */
public final class SignedBus {
    /** The failure code of a refused message. */
    static final int REFUSED = 401;

    private final EventBus bus;
    private final MessageSeal seal;
    private final AtomicLong refused = new AtomicLong();

    SignedBus(EventBus bus, ClusterSecret secret) {
        this.bus = bus;
        this.seal = new MessageSeal(secret);
    }

    /** Calls {@code handler} with each message to {@code address} that opens with the cluster's key. */
    void consumer(String address, Consumer<Request> handler) {
        bus.<Object>consumer(address, message -> {
            JsonObject body;
            try {
                body = seal.open(address, message.body());
            } catch (RefusedMessageException e) {
                refused.incrementAndGet();
                message.fail(REFUSED, e.getMessage());
                return;
            }
            handler.accept(new Request(message, body));
        });
    }

    /** Sends {@code body} to {@code address}; the answer's body, or a failure if it does not open. */
    Future<JsonObject> request(String address, JsonObject body, DeliveryOptions options) {
        JsonObject sealed = seal.seal(address, body);
        String nonce = sealed.getString("nonce");
        return bus.<Object>request(address, sealed, options).map(answer -> seal.open(answerAddress(nonce), answer.body()));
    }

    /** How many messages this node refused: not sealed with its key, or replayed. */
    public long refused() {
        return refused.get();
    }

    private static String answerAddress(String requestNonce) {
        return "answer to " + requestNonce;
    }

    /** A message that opened, to be answered once. */
    final class Request {
        private final Message<Object> message;
        private final JsonObject body;

        private Request(Message<Object> message, JsonObject body) {
            this.message = message;
            this.body = body;
        }

        JsonObject body() {
            return body;
        }

        void reply(JsonObject answer) {
            String nonce = ((JsonObject) message.body()).getString("nonce");
            message.reply(seal.seal(answerAddress(nonce), answer));
        }

        /** Answers with a plain {@code {"value": value}}. */
        void replyValue(Object value) {
            reply(new JsonObject().put("value", value));
        }

        void fail(int code, String reason) {
            message.fail(code, reason);
        }
    }
}
