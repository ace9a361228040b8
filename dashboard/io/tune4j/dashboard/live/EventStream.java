package io.tune4j.dashboard.live;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Server-sent events of one study: each event-bus message for the study becomes one {@code data:} line.
 * The page opens it before it reads the study, so nothing between the read and the stream is lost.
 */
public final class EventStream {
    private EventStream() {}

    public static void open(RoutingContext context, long studyId) {
        context.response().setChunked(true).putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-store").putHeader("Connection", "keep-alive");
        // A first comment so the browser's EventSource reports "open" at once.
        context.response().write(": tune4j study " + studyId + "\n\n");
        MessageConsumer<JsonObject> consumer = context.vertx().eventBus().consumer(ChangePoller.address(studyId),
                message -> context.response().write("data: " + message.body().encode() + "\n\n"));
        context.response().closeHandler(closed -> consumer.unregister());
    }
}
