package io.tune4j.dashboard.server;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Lets a request through only with the token: as {@code Authorization: Bearer <token>}, as {@code ?token=}
 * (the URL the command prints) or as the cookie set when that URL was opened, so the page's own requests
 * and its event stream carry it without putting it in every link.
 */
final class AccessToken implements Handler<RoutingContext> {
    static final String COOKIE = "tune4j_token";

    private final byte[] token;

    AccessToken(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(RoutingContext context) {
        String fromQuery = context.request().getParam("token");
        if (matches(fromQuery)) {
            context.response().addCookie(Cookie.cookie(COOKIE, fromQuery).setHttpOnly(true).setPath("/")
                    .setSameSite(CookieSameSite.STRICT));
            context.next();
            return;
        }
        String header = context.request().getHeader("Authorization");
        Cookie cookie = context.request().getCookie(COOKIE);
        if ((header != null && header.startsWith("Bearer ") && matches(header.substring(7)))
                || (cookie != null && matches(cookie.getValue()))) {
            context.next();
            return;
        }
        context.response().setStatusCode(401).putHeader("Content-Type", "text/plain; charset=utf-8")
                .end("tune4j dashboard: this server needs its token (open the URL it printed)\n");
    }

    private boolean matches(String given) {
        // Constant-time comparison: the time taken must not reveal how much of a guess was right.
        return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }
}
