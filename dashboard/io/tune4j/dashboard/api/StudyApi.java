package io.tune4j.dashboard.api;

import io.tune4j.dashboard.importance.ForestImportance;
import io.tune4j.dashboard.importance.ParamImportance;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.StudySummary;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.store.H2StudyStore;
import io.tune4j.store.query.HistoryPoint;
import io.tune4j.store.query.StudyCatalog;
import io.tune4j.store.query.StudyHistory;
import io.tune4j.store.query.ParamColumns;
import io.tune4j.store.query.TrialLookup;
import io.tune4j.store.query.TrialPage;
import io.tune4j.store.query.TrialQuery;
import io.tune4j.store.query.TrialTable;
import io.tune4j.store.query.TrialValue;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The read-only JSON API over the results database. Every handler runs on a worker thread (the JDBC calls
 * block) and answers GET only: nothing here can change a study.
 */
public final class StudyApi {
    /** Trials the param plots and the importance look at, at most (an evenly spread sample beyond that). */
    static final int SAMPLE_SIZE = 2000;

    private final H2StudyStore store;
    private final ParamImportance importance = new ParamImportance(ForestImportance.standard());
    private final CompleteSamples samples;

    public StudyApi(H2StudyStore store) {
        this.store = store;
        this.samples = new CompleteSamples(store, SAMPLE_SIZE);
    }

    public void mount(Router router) {
        router.get("/api/studies").blockingHandler(this::studies, false);
        router.get("/api/studies/:id").blockingHandler(this::study, false);
        router.get("/api/studies/:id/params").blockingHandler(this::params, false);
        router.get("/api/studies/:id/trials").blockingHandler(this::trials, false);
        router.get("/api/studies/:id/trials/:number").blockingHandler(this::trial, false);
        router.get("/api/studies/:id/curves").blockingHandler(this::curves, false);
        router.get("/api/studies/:id/history").blockingHandler(this::history, false);
        router.get("/api/studies/:id/sample").blockingHandler(this::sample, false);
        router.get("/api/studies/:id/importance").blockingHandler(this::importance, false);
    }

    private void studies(RoutingContext context) {
        Map<String, Long> ids = store.read(StudyCatalog::ids);
        List<JsonObject> studies = new ArrayList<>();
        for (StudySummary summary : store.studies()) studies.add(JsonViews.study(ids.get(summary.name()), summary));
        Responses.json(context, JsonViews.array(studies));
    }

    private void study(RoutingContext context) {
        Responses.json(context, JsonViews.study(study(context, store)));
    }

    private void params(RoutingContext context) {
        long id = study(context, store).id();
        Responses.json(context, JsonViews.array(store.read(c -> ParamColumns.of(c, id)).stream()
                .map(JsonViews::param).toList()));
    }

    private void trials(RoutingContext context) {
        StudyRecord study = study(context, store);
        TrialQuery query = TrialQueryParser.parse(study.id(),
                study.definition().direction() == Direction.MAXIMIZE, context.queryParams());
        TrialPage page = store.read(c -> TrialTable.page(c, query));
        Responses.json(context, new JsonObject().put("total", page.total()).put("exact", page.exact())
                .put("offset", query.offset()).put("limit", query.limit())
                .put("trials", JsonViews.array(page.trials().stream().map(JsonViews::trial).toList())));
    }

    private void trial(RoutingContext context) {
        StudyRecord study = study(context, store);
        int number = Responses.intParam(context, "number");
        TrialRecord trial = store.read(c -> TrialLookup.byNumber(c, study.id(), number))
                .orElseThrow(() -> new NotFound("study '" + study.name() + "' has no trial " + number));
        List<TrialValue> values = store.read(c -> TrialLookup.values(c, List.of(trial.id())));
        Responses.json(context, JsonViews.trial(trial).put("curves", JsonViews.curves(values)));
    }

    /** {@code ?trials=3,5,8}: the curves of those trials, by trial number. */
    private void curves(RoutingContext context) {
        StudyRecord study = study(context, store);
        List<Integer> numbers = new ArrayList<>();
        String list = context.request().getParam("trials", "");
        for (String part : list.split(",")) {
            if (part.isBlank()) continue;
            try {
                numbers.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw new BadRequest("trials must be trial numbers separated by commas, got '" + list + "'");
            }
        }
        if (numbers.size() > 50) throw new BadRequest("trials: at most 50 trials at once, got " + numbers.size());
        JsonObject curves = new JsonObject();
        store.read(c -> {
            List<TrialRecord> trials = TrialLookup.byNumbers(c, study.id(), numbers);
            Map<Long, Integer> numberOf = new HashMap<>();
            trials.forEach(t -> numberOf.put(t.id(), t.number()));
            Map<Integer, List<TrialValue>> byTrial = new HashMap<>();
            for (TrialValue value : TrialLookup.values(c, numberOf.keySet())) {
                byTrial.computeIfAbsent(numberOf.get(value.trialId()), n -> new ArrayList<>()).add(value);
            }
            for (TrialRecord trial : trials) {
                curves.put(Integer.toString(trial.number()),
                        JsonViews.curves(byTrial.getOrDefault(trial.number(), List.of())));
            }
            return null;
        });
        Responses.json(context, curves);
    }

    /** Every trial's number, state and value as three parallel arrays: compact for 100,000 trials. */
    private void history(RoutingContext context) {
        long id = study(context, store).id();
        List<HistoryPoint> points = store.read(c -> StudyHistory.points(c, id));
        JsonArray numbers = new JsonArray();
        JsonArray states = new JsonArray();
        JsonArray values = new JsonArray();
        for (HistoryPoint point : points) {
            numbers.add(point.number());
            states.add(point.state().name().charAt(0) + "");
            values.add(point.value());
        }
        Responses.json(context, new JsonObject().put("number", numbers).put("state", states).put("value", values));
    }

    private void sample(RoutingContext context) {
        long id = study(context, store).id();
        List<TrialRecord> trials = samples.of(id);
        Responses.json(context, new JsonObject().put("trials",
                JsonViews.array(trials.stream().map(t -> new JsonObject().put("number", t.number())
                        .put("value", t.value()).put("params", new JsonObject(new HashMap<>(t.params()))))
                        .toList())));
    }

    private void importance(RoutingContext context) {
        long id = study(context, store).id();
        List<TrialRecord> trials = samples.of(id);
        JsonArray entries = new JsonArray();
        for (ParamImportance.Entry entry : importance.of(trials)) {
            entries.add(new JsonObject().put("param", entry.param()).put("importance", entry.importance()));
        }
        Responses.json(context, new JsonObject().put("method", "random-forest mean decrease in impurity")
                .put("trials", trials.size()).put("importances", entries));
    }

    static StudyRecord study(RoutingContext context, H2StudyStore store) {
        long id = Responses.longParam(context, "id");
        return store.read(c -> StudyCatalog.byId(c, id)).orElseThrow(() -> new NotFound("no study with id " + id));
    }
}
