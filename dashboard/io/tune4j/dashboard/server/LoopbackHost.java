package io.tune4j.dashboard.server;

import io.vertx.core.Handler;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * On a loopback bind, answers only requests addressed to this machine by name: {@code Host} must be
 * 127.0.0.1, localhost, [::1] or the bound address, with the server's port. A web page of another site that
 * points its own name at 127.0.0.1 (DNS rebinding) sends its own name as {@code Host} and is refused, so it
 * cannot read the dashboard through the user's browser.
 */
final class LoopbackHost implements Handler<RoutingContext> {
    private final Set<String> names;

    LoopbackHost(String boundHost) {
        String bound = boundHost.contains(":") ? "[" + boundHost + "]" : boundHost;
        this.names = Stream.of("127.0.0.1", "localhost", "[::1]", "::1", bound.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    @Override
    public void handle(RoutingContext context) {
        // The authority: the Host header of HTTP/1.1, the :authority of HTTP/2 (Java's HttpClient upgrades to it).
        HostAndPort host = context.request().authority();
        int port = context.request().localAddress().port();
        if (host != null && host.port() == port && names.contains(host.host().toLowerCase(Locale.ROOT))) {
            context.next();
            return;
        }
        context.response().setStatusCode(421).putHeader("Content-Type", "text/plain; charset=utf-8")
                .end("tune4j dashboard: this server answers only to 127.0.0.1:" + port + ", localhost:" + port
                        + " or [::1]:" + port + " (Host was '" + host + "')\n");
    }
}
