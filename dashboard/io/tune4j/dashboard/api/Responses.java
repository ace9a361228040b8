package io.tune4j.dashboard.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writing answers and reading path parameters, the same way in every handler. */
final class Responses {
    private Responses() {}

    static void json(RoutingContext context, JsonObject body) {
        send(context, body.encode());
    }

    static void json(RoutingContext context, JsonArray body) {
        send(context, body.encode());
    }

    private static void send(RoutingContext context, String body) {
        context.response().putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(body);
    }

    static long longParam(RoutingContext context, String name) {
        String text = context.pathParam(name);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be an integer, got '" + text + "'");
        }
    }

    static int intParam(RoutingContext context, String name) {
        String text = context.pathParam(name);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be an integer, got '" + text + "'");
        }
    }
}
