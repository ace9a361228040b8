package io.tune4j.dashboard.api;

import io.tune4j.dashboard.export.BestTrialFiles;
import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.store.H2StudyStore;
import io.tune4j.store.query.TrialTable;
import io.tune4j.store.query.TrialPage;
import io.tune4j.store.query.TrialQuery;
import io.tune4j.store.query.TrialSort;
import io.tune4j.search.study.Direction;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Downloads: every trial of a study as CSV, and the files of its best trial. */
public final class ExportApi {
    /** Trials read per query while writing the CSV: the study is streamed in pages, never held whole. */
    static final int CSV_PAGE = TrialQuery.MAX_LIMIT;

    private final H2StudyStore store;
    private final BestTrialFiles files;

    public ExportApi(H2StudyStore store, BestTrialFiles files) {
        this.store = store;
        this.files = files;
    }

    public void mount(Router router) {
        router.get("/api/studies/:id/export/trials.csv").blockingHandler(this::csv, false);
        router.get("/api/studies/:id/export/best/:file").blockingHandler(this::best, false);
    }

    private void csv(RoutingContext context) {
        StudyRecord study = StudyApi.study(context, store);
        context.response().setChunked(true).putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"trials.csv\"");
        List<String> params = new ArrayList<>(paramNames(study.id()));
        List<String> header = new ArrayList<>(List.of("number", "state", "value", "started_at", "finished_at",
                "worker", "device", "seed"));
        params.forEach(p -> header.add("param_" + p));
        header.add("error");
        context.response().write(line(header));
        for (int offset = 0; ; offset += CSV_PAGE) {
            int from = offset;
            TrialPage page = store.read(c -> TrialTable.page(c, new TrialQuery(study.id(),
                    TrialSort.by(TrialSort.Key.NUMBER, false), Set.of(), null, null, List.of(), from, CSV_PAGE)));
            StringBuilder chunk = new StringBuilder();
            for (TrialRecord trial : page.trials()) {
                List<Object> row = new ArrayList<>(List.of(trial.number(), trial.state().name(),
                        text(trial.value()), text(trial.startedAt()), text(trial.finishedAt()), text(trial.worker()),
                        text(trial.device()), trial.seed()));
                params.forEach(p -> row.add(text(trial.params().get(p))));
                row.add(text(trial.error()));
                chunk.append(line(row));
            }
            context.response().write(chunk.toString());
            if (page.trials().size() < CSV_PAGE) break;
        }
        context.response().end();
    }

    private Set<String> paramNames(long studyId) {
        Set<String> names = new LinkedHashSet<>();
        store.read(c -> io.tune4j.store.query.ParamColumns.of(c, studyId)).forEach(p -> names.add(p.name()));
        return names;
    }

    private void best(RoutingContext context) {
        StudyRecord study = StudyApi.study(context, store);
        String name = context.pathParam("file");
        if (!BestTrialFiles.NAMES.contains(name)) {
            throw new NotFound("no export file '" + name + "'; there are " + BestTrialFiles.NAMES);
        }
        TrialPage best = store.read(c -> TrialTable.page(c, new TrialQuery(study.id(),
                TrialSort.by(TrialSort.Key.VALUE, study.definition().direction() == Direction.MAXIMIZE),
                Set.of(io.tune4j.search.study.TrialState.COMPLETE), null, null, List.of(), 0, 1)));
        if (best.trials().isEmpty()) throw new NotFound("study '" + study.name() + "' has no completed trial");
        TrialRecord trial = best.trials().get(0);
        BestTrialFiles.Download file = files.file(study, trial, name).orElseThrow(() -> new NotFound(
                name + " of trial " + trial.number() + " is not available (its model may not have been kept)"));
        context.response().putHeader("Content-Type", file.contentType())
                .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"")
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
