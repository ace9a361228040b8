package io.tune4j.dashboard.api;

import io.tune4j.dashboard.notes.Markdown;
import io.tune4j.dashboard.notes.NoteWriter;
import io.tune4j.search.study.StudyRecord;
import io.tune4j.store.query.StudyQueries;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Writing notes, mounted only when the dashboard was started to allow it (and then with a token, see
 * DashboardServer). {@code PUT} with {@code {"markdown": "..."}} as {@code application/json}: a form on
 * another site cannot send that type without a CORS preflight, which this server never grants.
 */
public final class NotesApi {
    /** Longest note taken, in bytes: a page of text, not a file store. */
    static final int MAX_BYTES = 64 * 1024;

    private final StudyQueries queries;
    private final NoteWriter writer;

    public NotesApi(StudyQueries queries, NoteWriter writer) {
        this.queries = queries;
        this.writer = writer;
    }

    public void mount(Router router) {
        router.put("/api/studies/:id/notes").handler(BodyHandler.create(false).setBodyLimit(MAX_BYTES))
                .blockingHandler(this::study, false);
        router.put("/api/studies/:id/trials/:number/notes").handler(BodyHandler.create(false).setBodyLimit(MAX_BYTES))
                .blockingHandler(this::trial, false);
    }

    private void study(RoutingContext context) {
        StudyRecord study = StudyApi.study(context, queries);
        String markdown = markdown(context);
        writer.study(study.id(), markdown);
        Responses.json(context, saved(markdown));
    }

    private void trial(RoutingContext context) {
        StudyRecord study = StudyApi.study(context, queries);
        int number = Responses.intParam(context, "number");
        String markdown = markdown(context);
        if (!writer.trial(study.id(), number, markdown)) {
            throw new NotFound("study '" + study.name() + "' has no trial " + number);
        }
        Responses.json(context, saved(markdown));
    }

    private static String markdown(RoutingContext context) {
        String type = context.request().getHeader("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            throw new BadRequest("a note is sent as application/json: {\"markdown\": \"...\"}");
        }
        try {
            JsonObject body = context.body().asJsonObject();
            Object markdown = body == null ? null : body.getValue("markdown");
            if (!(markdown instanceof String text)) throw new BadRequest("markdown must be a string");
            return text;
        } catch (DecodeException e) {
            throw new BadRequest("the note is not JSON: " + e.getMessage());
        }
    }

    private static JsonObject saved(String markdown) {
        return new JsonObject().put("markdown", markdown).put("html", Markdown.html(markdown));
    }
}
