package io.tune4j.dashboard.server;

import io.tune4j.dashboard.api.BadRequest;
import io.tune4j.dashboard.api.ExportApi;
import io.tune4j.dashboard.api.NotFound;
import io.tune4j.dashboard.api.StudyApi;
import io.tune4j.dashboard.export.TrialFiles;
import io.tune4j.dashboard.live.ChangePoller;
import io.tune4j.dashboard.live.EventStream;
import io.tune4j.dashboard.api.NotesApi;
import io.tune4j.dashboard.notes.NoteWriter;
import io.tune4j.store.StoreException;
import io.tune4j.store.query.StudyQueries;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The web dashboard: the page, its JSON API and the live event streams over one results database, read
 * through {@link StudyQueries}. Read-only (only GET is routed) unless started with notes allowed, which needs
 * a token even on loopback: any local process, or a page in the user's browser, could otherwise write. Binds
 * a loopback address unless given a token that every request must carry.
 */
public final class DashboardServer implements AutoCloseable {
    /** How often the database is checked for new trials and epochs. */
    public static final long POLL_MILLIS = 500;

    private final Vertx vertx;
    private final HttpServer server;
    private final ChangePoller poller;
    private final String url;

    private DashboardServer(Vertx vertx, HttpServer server, ChangePoller poller, String url) {
        this.vertx = vertx;
        this.server = server;
        this.poller = poller;
        this.url = url;
    }

    /** {@code notes}: the page may write notes (PUT), which needs {@code token}. */
    public record Options(String host, int port, String token, boolean notes) {
        public Options {
            if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be 0..65535, got " + port);
            if (token != null && token.isBlank()) throw new IllegalArgumentException("--token must not be blank");
            if (!isLoopback(host) && token == null) {
                throw new IllegalArgumentException("binding " + host + " (not this machine only) needs --token:"
                        + " anyone who can reach the port could read every study");
            }
            if (notes && token == null) {
                throw new IllegalArgumentException("--allow-notes needs --token, even on 127.0.0.1: any process"
                        + " or web page on this machine could otherwise write notes");
            }
        }

        public Options(String host, int port, String token) {
            this(host, port, token, false);
        }

        public static Options local(int port) {
            return new Options("127.0.0.1", port, null);
        }
    }

    /** Starts serving read-only; port 0 picks a free port. Blocks until the server listens. */
    public static DashboardServer start(StudyQueries queries, TrialFiles files, Options options) {
        return start(queries, files, null, options);
    }

    /**
     * Starts serving, writing notes through {@code notes} when {@code options.notes()} (then it must not be
     * null). Blocks until the server listens.
     */
    public static DashboardServer start(StudyQueries queries, TrialFiles files, NoteWriter notes, Options options) {
        if (options.notes() && notes == null) throw new IllegalArgumentException("notes allowed but no NoteWriter");
        Vertx vertx = Vertx.vertx();
        try {
            Router router = Router.router(vertx);
            router.route().handler(context -> {
                HttpMethod method = context.request().method();
                boolean noteWrite = options.notes() && method == HttpMethod.PUT
                        && context.request().path().endsWith("/notes");
                if (method != HttpMethod.GET && method != HttpMethod.HEAD && !noteWrite) {
                    context.response().setStatusCode(405).end(options.notes() ? "GET, and PUT of notes, only\n"
                            : "read-only: GET only (notes need --allow-notes)\n");
                } else {
                    context.next();
                }
            });
            if (isLoopback(options.host())) router.route().handler(new LoopbackHost(options.host()));
            if (options.token() != null) router.route().handler(new AccessToken(options.token()));
            new StudyApi(queries, options.notes()).mount(router);
            new ExportApi(queries, files).mount(router);
            if (options.notes()) new NotesApi(queries, notes).mount(router);
            router.get("/api/studies/:id/events").handler(context -> {
                long id;
                try {
                    id = Long.parseLong(context.pathParam("id"));
                } catch (NumberFormatException e) {
                    throw new BadRequest("id must be an integer, got '" + context.pathParam("id") + "'");
                }
                EventStream.open(context, id);
            });
            router.get("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
            router.get("/*").handler(StaticHandler.create("tune4j-web").setCachingEnabled(false));
            router.route().failureHandler(DashboardServer::failure);
            ChangePoller poller = new ChangePoller(vertx, queries, POLL_MILLIS);
            poller.start();
            HttpServer server = vertx.createHttpServer().requestHandler(router)
                    .listen(options.port(), options.host()).await();
            String url = "http://" + (options.host().contains(":") ? "[" + options.host() + "]" : options.host())
                    + ":" + server.actualPort() + "/" + (options.token() == null ? "" : "?token=" + options.token());
            return new DashboardServer(vertx, server, poller, url);
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    /** The address to open, with the token when there is one. */
    public String url() {
        return url;
    }

    public int port() {
        return server.actualPort();
    }

    private static void failure(RoutingContext context) {
        Throwable failure = context.failure();
        int status;
        if (failure instanceof NotFound) {
            status = 404;
        } else if (failure instanceof BadRequest || failure instanceof IllegalArgumentException) {
            status = 400;
        } else {
            status = context.statusCode() > 0 ? context.statusCode() : 500;
        }
        String message = failure == null ? "status " + status
                : failure instanceof StoreException || status < 500 ? failure.getMessage() : failure.toString();
        if (context.response().headWritten()) {
            context.response().reset();
            return;
        }
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(new JsonObject().put("error", message).encode());
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve the address to bind, '" + host + "'", e);
        }
    }

    @Override
    public void close() {
        poller.stop();
        vertx.close().await();
    }
}
