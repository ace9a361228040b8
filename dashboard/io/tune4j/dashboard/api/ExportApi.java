package io.tune4j.dashboard.api;

import io.tune4j.dashboard.export.TrialFiles;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.query.ParamColumn;
import io.tune4j.store.query.StudyQueries;
import io.tune4j.store.query.TrialPage;
import io.tune4j.store.query.TrialQuery;
import io.tune4j.store.query.TrialSort;
import io.tune4j.store.query.TrialValue;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Downloads: every trial of a study as CSV (one row a trial, with params and attributes), every reported value
 * as long-format CSV (one row a trial, epoch and metric), and the files of any trial or of the best one.
 */
public final class ExportApi {
    /** Trials read per query while writing a CSV: the study is streamed in pages, never held whole. */
    static final int CSV_PAGE = TrialQuery.MAX_LIMIT;

    private final StudyQueries queries;
    private final TrialFiles files;

    public ExportApi(StudyQueries queries, TrialFiles files) {
        this.queries = queries;
        this.files = files;
    }

    public void mount(Router router) {
        router.get("/api/studies/:id/export/trials.csv").blockingHandler(this::trialsCsv, false);
        router.get("/api/studies/:id/export/values.csv").blockingHandler(this::valuesCsv, false);
        router.get("/api/studies/:id/export/best/:file").blockingHandler(this::best, false);
        router.get("/api/studies/:id/trials/:number/files/:file").blockingHandler(this::ofTrial, false);
    }

    private void trialsCsv(RoutingContext context) {
        StudyRecord study = StudyApi.study(context, queries);
        List<String> params = queries.params(study.id()).stream().map(ParamColumn::name).toList();
        List<String> attributes = queries.attributeNames(study.id());
        List<String> header = new ArrayList<>(List.of("number", "state", "value", "started_at", "finished_at",
                "worker", "device", "seed"));
        params.forEach(p -> header.add("param_" + p));
        attributes.forEach(a -> header.add("attr_" + a));
        header.add("error");
        stream(context, study, "trials.csv", header, (page, chunk) -> {
            for (TrialRecord trial : page) {
                List<Object> row = new ArrayList<>(List.of(trial.number(), trial.state().name(),
                        text(trial.value()), text(trial.startedAt()), text(trial.finishedAt()), text(trial.worker()),
                        text(trial.device()), trial.seed()));
                params.forEach(p -> row.add(text(trial.params().get(p))));
                attributes.forEach(a -> row.add(text(trial.attributes().get(a))));
                row.add(text(trial.error()));
                chunk.append(line(row));
            }
        });
    }

    /** Long format, the shape pandas and R read straight into a plot: trial, state, step, metric, value. */
    private void valuesCsv(RoutingContext context) {
        StudyRecord study = StudyApi.study(context, queries);
        stream(context, study, "values.csv", List.of("number", "state", "step", "metric", "value"), (page, chunk) -> {
            Map<Long, TrialRecord> byId = new HashMap<>();
            page.forEach(t -> byId.put(t.id(), t));
            List<TrialValue> values = new ArrayList<>(queries.values(byId.keySet()));
            values.sort((a, b) -> a.trialId() != b.trialId()
                    ? Integer.compare(byId.get(a.trialId()).number(), byId.get(b.trialId()).number())
                    : a.step() != b.step() ? Integer.compare(a.step(), b.step()) : a.metric().compareTo(b.metric()));
            for (TrialValue value : values) {
                TrialRecord trial = byId.get(value.trialId());
                chunk.append(line(List.of(trial.number(), trial.state().name(), value.step(), value.metric(),
                        value.value())));
            }
        });
    }

    /** Writes {@code header}, then the study's trials a page at a time in number order, as {@code rows} puts them. */
    private void stream(RoutingContext context, StudyRecord study, String file, List<String> header,
                        BiConsumer<List<TrialRecord>, StringBuilder> rows) {
        context.response().setChunked(true).putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
        context.response().write(line(header));
        for (int offset = 0; ; offset += CSV_PAGE) {
            TrialPage page = queries.trials(new TrialQuery(study.id(), TrialSort.by(TrialSort.Key.NUMBER, false),
                    Set.of(), null, null, List.of(), offset, CSV_PAGE));
            StringBuilder chunk = new StringBuilder();
            rows.accept(page.trials(), chunk);
            context.response().write(chunk.toString());
            if (page.trials().size() < CSV_PAGE) break;
        }
        context.response().end();
    }

    private void best(RoutingContext context) {
        StudyRecord study = StudyApi.study(context, queries);
        TrialPage best = queries.trials(new TrialQuery(study.id(),
                TrialSort.by(TrialSort.Key.VALUE, study.definition().direction() == Direction.MAXIMIZE),
                Set.of(TrialState.COMPLETE), null, null, List.of(), 0, 1));
        String name = fileName(context);
        if (best.trials().isEmpty()) throw new NotFound("study '" + study.name() + "' has no completed trial");
        send(context, study, best.trials().get(0), name);
    }

    private void ofTrial(RoutingContext context) {
        StudyRecord study = StudyApi.study(context, queries);
        String name = fileName(context);
        send(context, study, StudyApi.trial(context, queries, study), name);
    }

    private static String fileName(RoutingContext context) {
        String name = context.pathParam("file");
        if (!TrialFiles.NAMES.contains(name)) {
            throw new NotFound("no export file '" + name + "'; there are " + TrialFiles.NAMES);
        }
        return name;
    }

    private void send(RoutingContext context, StudyRecord study, TrialRecord trial, String name) {
        TrialFiles.Download file = files.file(study, trial, name).orElseThrow(() -> new NotFound(
                name + " of trial " + trial.number() + " is not available (its model may not have been kept)"));
        context.response().putHeader("Content-Type", file.contentType())
                .putHeader("Content-Disposition", "attachment; filename=\"trial-" + trial.number() + "-" + name + "\"")
                .end(Buffer.buffer(file.bytes()));
    }

    private static String line(List<?> values) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
