package io.tune4j.dashboard.live;

import io.tune4j.dashboard.api.JsonViews;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.store.query.StudyQueries;
import io.tune4j.store.query.TrialChanges;
import io.tune4j.store.query.TrialValue;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Watches the database for new trials and new epochs and publishes only those on the event bus, one
 * address per study ({@link #address}). It polls rather than hooking the writer, so it sees the writes of
 * any process sharing the file (issue 6) the same way as those of a run in this process.
 *
 * <p>Each poll reads the trials changed within a window before the last poll (see {@link TrialChanges})
 * and forwards what it has not forwarded yet: a trial whose state, value or device changed, and values
 * whose (step, metric) it has not sent. What was sent is remembered only for trials inside the window.
 */
public final class ChangePoller {
    /** How far back each poll looks: covers commits that land after a later-stamped one. */
    static final Duration WINDOW = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final StudyQueries queries;
    private final long periodMillis;
    private final Map<Long, Sent> sent = new HashMap<>();
    private long lastTrialId;
    private Instant lastPoll;
    private long timer = -1;
    private volatile boolean polling;

    public ChangePoller(Vertx vertx, StudyQueries queries, long periodMillis) {
        this.vertx = vertx;
        this.queries = queries;
        this.periodMillis = periodMillis;
    }

    public static String address(long studyId) {
        return "tune4j.study." + studyId;
    }

    /** Starts polling; only changes after this moment are published. */
    public void start() {
        lastTrialId = queries.lastTrialId();
        lastPoll = Instant.now();
        timer = vertx.setPeriodic(periodMillis, id -> poll());
    }

    /**
     * Stops polling and waits (up to 5 s) for a poll in flight, so that its result does not arrive at an
     * event loop that is already closed.
     */
    public void stop() {
        if (timer >= 0) vertx.cancelTimer(timer);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (polling && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void poll() {
        if (polling) return; // a slow poll is still running: skip this tick rather than pile up
        polling = true;
        Instant now = Instant.now();
        Instant since = lastPoll.minus(WINDOW);
        long after = lastTrialId;
        vertx.executeBlocking(() -> queries.changesSince(since, after), false)
                .onComplete(result -> {
                    polling = false;
                    if (result.failed()) return; // the next tick tries again
                    lastPoll = now;
                    publish(result.result(), since);
                });
    }

    private void publish(List<TrialChanges.Changed> changes, Instant since) {
        Map<Long, JsonObject> events = new HashMap<>();
        for (TrialChanges.Changed change : changes) {
            TrialRecord trial = change.trial();
            lastTrialId = Math.max(lastTrialId, trial.id());
            Sent before = sent.computeIfAbsent(trial.id(), id -> new Sent());
            JsonObject event = events.computeIfAbsent(change.studyId(), id -> new JsonObject()
                    .put("trials", new JsonArray()).put("values", new JsonArray()));
            String signature = trial.state() + "|" + trial.value() + "|" + trial.device() + "|"
                    + trial.params().size();
            if (!signature.equals(before.signature)) {
                before.signature = signature;
                event.getJsonArray("trials").add(JsonViews.trial(trial));
            }
            for (TrialValue value : change.values()) {
                if (before.values.add(value.step() + "|" + value.metric())) {
                    event.getJsonArray("values").add(new JsonObject().put("trial", trial.number())
                            .put("step", value.step()).put("metric", value.metric()).put("value", value.value()));
                }
            }
            before.lastSeen = Instant.now();
        }
        // Forget trials that left the window: they will not be read again unless they change.
        Instant forget = since.minus(WINDOW);
        sent.values().removeIf(s -> s.lastSeen.isBefore(forget));
        events.forEach((study, event) -> {
            if (!event.getJsonArray("trials").isEmpty() || !event.getJsonArray("values").isEmpty()) {
                vertx.eventBus().publish(address(study), event);
            }
        });
    }

    private static final class Sent {
        String signature;
        final Set<String> values = new HashSet<>();
        Instant lastSeen = Instant.now();
    }
}
