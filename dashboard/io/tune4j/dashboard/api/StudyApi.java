package io.tune4j.dashboard.api;

import io.tune4j.dashboard.notes.Markdown;
import io.tune4j.search.importance.ForestImportance;
import io.tune4j.search.importance.ParamImportance;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.StudySummary;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.query.HistoryPoint;
import io.tune4j.store.query.Note;
import io.tune4j.store.query.StudyQueries;
import io.tune4j.store.query.TimelineBar;
import io.tune4j.store.query.TrialPage;
import io.tune4j.store.query.TrialQuery;
import io.tune4j.store.query.TrialValue;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON API over the results database, read through {@link StudyQueries}. Every handler runs on a worker
 * thread (the reads block) and answers GET only: nothing here can change a study.
 */
public final class StudyApi {
    /** Trials the param plots and the importance look at, at most (an evenly spread sample beyond that). */
    static final int SAMPLE_SIZE = 2000;
    /** Points of the optimization history sent at most; see {@link HistoryThinning}. */
    static final int HISTORY_POINTS = 10_000;
    /** Bars of the timeline sent at most (running trials come on top). */
    static final int TIMELINE_BARS = 2000;
    /** Trials whose curves the "intermediate values of all trials" view draws at most. */
    static final int SPREAD_CURVES = 200;

    private final StudyQueries queries;
    private final ParamImportance importance = new ParamImportance(ForestImportance.standard());
    private final CompleteSamples samples;
    private final Map<Long, Ranked> importances = new ConcurrentHashMap<>();
    private final boolean notesWritable;

    private record Ranked(List<TrialRecord> sample, List<ParamImportance.Entry> entries) {}

    /** {@code notesWritable}: the page may offer to edit notes (the server routes their PUT). */
    public StudyApi(StudyQueries queries, boolean notesWritable) {
        this.queries = queries;
        this.notesWritable = notesWritable;
        this.samples = new CompleteSamples(queries, SAMPLE_SIZE);
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
        router.get("/api/studies/:id/timeline").blockingHandler(this::timeline, false);
        router.get("/api/studies/:id/intermediate").blockingHandler(this::intermediate, false);
    }

    private void studies(RoutingContext context) {
        Map<String, Long> ids = queries.studyIds();
        List<JsonObject> studies = new ArrayList<>();
        for (StudySummary summary : queries.studies()) studies.add(JsonViews.study(ids.get(summary.name()), summary));
        Responses.json(context, JsonViews.array(studies));
    }

    private void study(RoutingContext context) {
        StudyRecord study = study(context, queries);
        Responses.json(context, JsonViews.study(study).put("note", note(queries.studyNote(study.id())))
                .put("notesWritable", notesWritable));
    }

    private void params(RoutingContext context) {
        long id = study(context, queries).id();
        Responses.json(context, JsonViews.array(queries.params(id).stream().map(JsonViews::param).toList()));
    }

    private void trials(RoutingContext context) {
        StudyRecord study = study(context, queries);
        TrialQuery query = TrialQueryParser.parse(study.id(),
                study.definition().direction() == Direction.MAXIMIZE, context.queryParams());
        TrialPage page = queries.trials(query);
        Map<Long, TrialValue> latest = latestValues(page.trials(), study.definition().metric());
        Responses.json(context, new JsonObject().put("total", page.total()).put("exact", page.exact())
                .put("offset", query.offset()).put("limit", query.limit())
                .put("trials", JsonViews.array(page.trials().stream().map(t -> latest.containsKey(t.id())
                        ? JsonViews.trial(t).put("latest", JsonViews.value(latest.get(t.id())))
                        : JsonViews.trial(t)).toList())));
    }

    /**
     * The last value each RUNNING trial of {@code trials} reported, of the study's metric if it reports it: a
     * running trial has no value yet, and its row shows how far it got instead.
     */
    private Map<Long, TrialValue> latestValues(List<TrialRecord> trials, String metric) {
        List<Long> running = trials.stream().filter(t -> t.state() == TrialState.RUNNING).map(TrialRecord::id).toList();
        Map<Long, TrialValue> latest = new HashMap<>();
        for (TrialValue value : queries.values(running)) {
            TrialValue kept = latest.get(value.trialId());
            boolean better = kept == null || (value.metric().equals(metric) && !kept.metric().equals(metric))
                    || (value.metric().equals(kept.metric()) && value.step() > kept.step());
            if (better) latest.put(value.trialId(), value);
        }
        return latest;
    }

    private void trial(RoutingContext context) {
        StudyRecord study = study(context, queries);
        TrialRecord trial = trial(context, queries, study);
        List<TrialValue> values = queries.values(List.of(trial.id()));
        Responses.json(context, JsonViews.trial(trial).put("curves", JsonViews.curves(values))
                .put("note", note(queries.trialNote(study.id(), trial.number()))));
    }

    /** {@code ?trials=3,5,8}: the curves of those trials, by trial number. */
    private void curves(RoutingContext context) {
        StudyRecord study = study(context, queries);
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
        List<TrialRecord> trials = queries.trials(study.id(), numbers);
        Map<Long, Integer> numberOf = new HashMap<>();
        trials.forEach(t -> numberOf.put(t.id(), t.number()));
        Map<Integer, List<TrialValue>> byTrial = new HashMap<>();
        for (TrialValue value : queries.values(numberOf.keySet())) {
            byTrial.computeIfAbsent(numberOf.get(value.trialId()), n -> new ArrayList<>()).add(value);
        }
        JsonObject curves = new JsonObject();
        for (TrialRecord trial : trials) {
            curves.put(Integer.toString(trial.number()),
                    JsonViews.curves(byTrial.getOrDefault(trial.number(), List.of())));
        }
        Responses.json(context, curves);
    }

    /** The trials' numbers, states and values as three parallel arrays, thinned beyond 10,000 trials. */
    private void history(RoutingContext context) {
        StudyRecord study = study(context, queries);
        List<HistoryPoint> all = queries.history(study.id());
        List<HistoryPoint> points = HistoryThinning.of(all,
                study.definition().direction() == Direction.MAXIMIZE, HISTORY_POINTS);
        JsonArray numbers = new JsonArray();
        JsonArray states = new JsonArray();
        JsonArray values = new JsonArray();
        for (HistoryPoint point : points) {
            numbers.add(point.number());
            states.add(point.state().name().charAt(0) + "");
            values.add(point.value());
        }
        Responses.json(context, new JsonObject().put("total", all.size()).put("thinned", points.size() < all.size())
                .put("number", numbers).put("state", states).put("value", values));
    }

    private void sample(RoutingContext context) {
        long id = study(context, queries).id();
        List<TrialRecord> trials = samples.of(id);
        Responses.json(context, new JsonObject().put("trials",
                JsonViews.array(trials.stream().map(t -> new JsonObject().put("number", t.number())
                        .put("value", t.value()).put("params", new JsonObject(new HashMap<>(t.params()))))
                        .toList())));
    }

    private void importance(RoutingContext context) {
        long id = study(context, queries).id();
        List<TrialRecord> trials = samples.of(id);
        // The forest took 0.2-0.5 s on the 2,000-trial sample; it is grown again only when the sample changes
        // (CompleteSamples hands out the same list until then).
        Ranked ranked = importances.compute(id, (key, kept) -> kept != null && kept.sample() == trials ? kept
                : new Ranked(trials, importance.of(trials)));
        JsonArray entries = new JsonArray();
        for (ParamImportance.Entry entry : ranked.entries()) {
            entries.add(new JsonObject().put("param", entry.param()).put("importance", entry.importance()));
        }
        Responses.json(context, new JsonObject().put("method", "random-forest mean decrease in impurity")
                .put("trials", trials.size()).put("importances", entries));
    }

    /** When each trial ran: parallel arrays of number, state letter, start and end (epoch milliseconds). */
    private void timeline(RoutingContext context) {
        long id = study(context, queries).id();
        JsonArray numbers = new JsonArray();
        JsonArray states = new JsonArray();
        JsonArray starts = new JsonArray();
        JsonArray ends = new JsonArray();
        for (TimelineBar bar : queries.timeline(id, TIMELINE_BARS)) {
            numbers.add(bar.number());
            states.add(bar.state().name().charAt(0) + "");
            starts.add(bar.start() == null ? null : bar.start().toEpochMilli());
            ends.add(bar.end() == null ? null : bar.end().toEpochMilli());
        }
        Responses.json(context, new JsonObject().put("number", numbers).put("state", states).put("start", starts)
                .put("end", ends).put("now", System.currentTimeMillis()));
    }

    /** The curves of about 200 trials spread over the study, every running one included: {number: curves}. */
    private void intermediate(RoutingContext context) {
        long id = study(context, queries).id();
        JsonObject curves = new JsonObject();
        queries.curvesOfSpread(id, SPREAD_CURVES).forEach((number, values) ->
                curves.put(Integer.toString(number), JsonViews.curves(values)));
        Responses.json(context, new JsonObject().put("trials", curves));
    }

    private static JsonObject note(Optional<Note> note) {
        return note.map(n -> new JsonObject().put("markdown", n.markdown()).put("html", Markdown.html(n.markdown()))
                .put("updatedAt", JsonViews.time(n.updatedAt()))).orElse(null);
    }

    static StudyRecord study(RoutingContext context, StudyQueries queries) {
        long id = Responses.longParam(context, "id");
        return queries.study(id).orElseThrow(() -> new NotFound("no study with id " + id));
    }

    static TrialRecord trial(RoutingContext context, StudyQueries queries, StudyRecord study) {
        int number = Responses.intParam(context, "number");
        return queries.trial(study.id(), number)
                .orElseThrow(() -> new NotFound("study '" + study.name() + "' has no trial " + number));
    }
}
