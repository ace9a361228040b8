package io.tune4j.trainer.cluster;

import io.tune4j.search.study.Objective;
import io.tune4j.search.study.Trial;
import io.tune4j.search.study.TrialPrunedException;
import io.tune4j.trainer.pool.ObjectiveFactory;
import io.tune4j.trainer.pool.ProcessMessages;
import io.tune4j.trainer.pool.TrialPool;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs trials on cluster workers ({@code tune4j worker --join}) that joined this study's node. The study keeps
 * up to {@code parallel} trials in flight; each waits here until a worker has a free slot, then goes to it with
 * the objective's factory and payload (as {@link io.tune4j.trainer.pool.ProcessPool} hands them to a child JVM).
 * The worker's reports, attributes and pruning questions come back as requests, answered once stored.
 *
 * <p>A worker whose Hazelcast membership ends, that says goodbye (Ctrl-C), or that is silent past
 * {@link ClusterProtocol#GRACE}, loses its trials: each is sent again, same number, seed and params, to another
 * worker, at most {@link #MAX_ATTEMPTS} times in all, then fails with the reason. The new attempt reports the
 * same steps again and overwrites the lost attempt's values step by step (the store merges on trial, metric
 * and step), so a curve shows one attempt; only steps beyond where the new attempt stops can remain from the
 * lost one.
 *
 * <p>All state is touched on one thread, {@code events}, which also does the database writes: the event loop
 * never blocks on H2, and a trial's events are handled in the order the worker sent them.
 */
public final class ClusterPool implements TrialPool {
    public static final int MAX_ATTEMPTS = 3;

    private final ClusterNode node;
    private final int parallel;
    private final String factory;
    private final String payload;
    private final ExecutorService events = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "tune4j-cluster-study");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, RemoteWorker> workers = new LinkedHashMap<>();
    private final Deque<Job> waiting = new ArrayDeque<>();
    private final Map<String, Attempt> attempts = new HashMap<>();
    private final long livenessTimer;
    private final AtomicBoolean closing = new AtomicBoolean();
    private boolean closed;

    public ClusterPool(ClusterNode node, int parallel, Class<? extends ObjectiveFactory> factory, String payload) {
        if (parallel < 1) throw new IllegalArgumentException("parallel must be >= 1, got " + parallel);
        this.node = node;
        this.parallel = parallel;
        this.factory = factory.getName();
        this.payload = payload;
        node.bus().consumer(ClusterProtocol.HELLO, message -> on(() -> hello(message)));
        node.bus().consumer(ClusterProtocol.HEARTBEAT, message -> on(() -> heartbeat(message)));
        node.bus().consumer(ClusterProtocol.BYE, message -> on(() -> {
            RemoteWorker worker = workers.get(message.body().getString("worker"));
            if (worker != null) lose(worker, "stopped (Ctrl-C) while the trial ran");
            message.replyValue(true);
        }));
        node.bus().consumer(ClusterProtocol.TRIAL_EVENTS, message -> on(() -> trialEvent(message)));
        node.onMemberLeft(member -> on(() -> {
            for (RemoteWorker worker : List.copyOf(workers.values())) {
                if (worker.member.equals(member)) lose(worker, "left the cluster (its process ended or its machine is unreachable)");
            }
        }));
        livenessTimer = node.vertx().setPeriodic(ClusterProtocol.HEARTBEAT_EVERY.toMillis(), id -> on(this::loseSilent));
    }

    /** The most trials in flight; they wait for worker slots, however many workers there are at the moment. */
    @Override
    public int slots() {
        return parallel;
    }

    @Override
    public CompletableFuture<Double> start(Trial trial, Objective ignored) {
        Job job = new Job(trial, new CompletableFuture<>());
        on(() -> {
            if (closed) {
                job.result.completeExceptionally(new IllegalStateException("the cluster pool is closed"));
                return;
            }
            waiting.addLast(job);
            dispatch();
        });
        return job.result;
    }

    private void hello(SignedBus.Request message) {
        JsonObject body = message.body();
        try {
            WorkerMessages.checkHello(body);
        } catch (IllegalArgumentException malformed) {
            message.fail(ClusterProtocol.MALFORMED, "malformed hello: " + malformed.getMessage());
            return;
        }
        // A hello repeated because its answer was late must not forget the trials the worker already has.
        workers.computeIfAbsent(body.getString("worker"), id -> new RemoteWorker(id, body.getString("name"),
                body.getInteger("slots"), UUID.fromString(body.getString("member"))));
        message.reply(new JsonObject().put("member", node.memberId().toString()));
        dispatch();
    }

    private void heartbeat(SignedBus.Request message) {
        RemoteWorker worker = workers.get(message.body().getString("worker"));
        if (worker != null) worker.lastSeen = System.nanoTime();
        // A worker the study has given up on is told so: its trials run elsewhere now.
        message.reply(new JsonObject().put("known", worker != null));
    }

    /** Sends waiting trials to the workers with the most free slots, as long as there are free slots. */
    private void dispatch() {
        while (!waiting.isEmpty()) {
            RemoteWorker worker = workers.values().stream().filter(w -> w.free() > 0)
                    .max((a, b) -> Integer.compare(a.free(), b.free())).orElse(null);
            if (worker == null) return;
            Job job = waiting.removeFirst();
            job.attempts++;
            Attempt attempt = new Attempt(UUID.randomUUID().toString(), job, worker);
            attempts.put(attempt.id, attempt);
            worker.running.add(attempt.id);
            if (job.attempts > 1) job.trial.setAttribute("attempts", String.valueOf(job.attempts));
            JsonObject run = new JsonObject().put("attempt", attempt.id).put("factory", factory)
                    .put("payload", payload).put("number", job.trial.number()).put("seed", job.trial.seed())
                    .put("params", new JsonObject(job.trial.params()));
            node.bus().request(ClusterProtocol.workerAddress(worker.id), run, ClusterProtocol.REQUEST)
                    .onFailure(failure -> on(() -> {
                        if (workers.get(worker.id) == worker) lose(worker, "did not take the trial: " + failure.getMessage());
                    }));
        }
    }

    private void trialEvent(SignedBus.Request message) {
        JsonObject event = message.body();
        Attempt attempt = attempts.get(String.valueOf(event.getValue("attempt")));
        if (attempt == null) {
            // The worker was given up on and the trial runs elsewhere: this attempt must stop.
            message.fail(ClusterProtocol.ABANDONED, "the study no longer waits for this attempt: it was re-sent");
            return;
        }
        Trial trial = attempt.job.trial;
        try {
            WorkerMessages.checkTrialEvent(event);
        } catch (IllegalArgumentException malformed) {
            String reason = "sent a malformed " + event.getValue("type") + " message: " + malformed.getMessage();
            end(attempt).completeExceptionally(new RemoteTrialException("worker " + attempt.worker.name + " " + reason));
            message.fail(ClusterProtocol.MALFORMED, reason);
            return;
        }
        try {
            switch (event.getString("type")) {
                case ClusterProtocol.DEVICE -> trial.recordDevice(attempt.worker.name + "/" + event.getString("device"));
                case ProcessMessages.REPORT -> trial.report(event.getInteger("step"),
                        ProcessMessages.metrics(event.getJsonObject("metrics")));
                case ProcessMessages.ATTRIBUTE -> trial.setAttribute(event.getString("key"), event.getString("value"));
                case ProcessMessages.ASK_PRUNE -> {
                    message.replyValue(trial.shouldPrune());
                    return;
                }
                case ProcessMessages.VALUE -> end(attempt).complete(ProcessMessages.number(event.getValue("value")));
                case ProcessMessages.PRUNED -> end(attempt).completeExceptionally(
                        new TrialPrunedException(event.getInteger("step")));
                case ProcessMessages.FAILED -> end(attempt).completeExceptionally(
                        new RemoteTrialException("on worker " + attempt.worker.name + ": " + event.getString("error")));
                default -> throw new IllegalStateException("checked by WorkerMessages: " + event.getString("type"));
            }
            message.replyValue(true);
        } catch (RuntimeException failure) {
            message.fail(500, String.valueOf(failure.getMessage()));
        }
    }

    /** The attempt is over: its worker's slot is free for the next waiting trial. */
    private CompletableFuture<Double> end(Attempt attempt) {
        attempts.remove(attempt.id);
        attempt.worker.running.remove(attempt.id);
        // Dispatched after the trial's outcome is recorded by the caller, on this same thread.
        on(this::dispatch);
        return attempt.job.result;
    }

    private void loseSilent() {
        long now = System.nanoTime();
        for (RemoteWorker worker : List.copyOf(workers.values())) {
            long silentNanos = now - worker.lastSeen;
            if (silentNanos > ClusterProtocol.GRACE.toNanos()) {
                lose(worker, "sent no heartbeat for " + TimeUnit.NANOSECONDS.toSeconds(silentNanos) + " s");
            }
        }
    }

    /** Forgets {@code worker}; each of its trials goes back to the front of the queue or, out of attempts, fails. */
    private void lose(RemoteWorker worker, String reason) {
        if (workers.remove(worker.id) == null) return;
        for (String id : worker.running) {
            Job job = attempts.remove(id).job;
            String why = "worker " + worker.name + " " + reason;
            if (job.attempts >= MAX_ATTEMPTS) {
                job.result.completeExceptionally(new WorkerLostException("lost its worker on all " + MAX_ATTEMPTS
                        + " attempts; the last: " + why));
            } else {
                job.trial.setAttribute("attempt_" + job.attempts + "_lost", why);
                waiting.addFirst(job);
            }
        }
        worker.running.clear();
        dispatch();
    }

    private void on(Runnable action) {
        try {
            events.execute(action);
        } catch (RejectedExecutionException closedAlready) {
            // A message that arrives while the pool closes has no one to act on it.
        }
    }

    /**
     * Tells the workers the study has ended (they stop their trials and exit), fails what is still running,
     * and leaves the cluster.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) return;
        CompletableFuture<List<RemoteWorker>> leaving = new CompletableFuture<>();
        try {
            on(() -> {
                closed = true;
                IllegalStateException stopped = new IllegalStateException("the study stopped before the trial ended");
                waiting.forEach(job -> job.result.completeExceptionally(stopped));
                attempts.values().forEach(attempt -> attempt.job.result.completeExceptionally(stopped));
                waiting.clear();
                attempts.clear();
                leaving.complete(new ArrayList<>(workers.values()));
            });
            List<CompletableFuture<?>> told = new ArrayList<>();
            for (RemoteWorker worker : leaving.get(10, TimeUnit.SECONDS)) {
                told.add(node.bus().request(ClusterProtocol.workerAddress(worker.id),
                                new JsonObject().put("study_ended", true), ClusterProtocol.REQUEST)
                        .toCompletionStage().toCompletableFuture());
            }
            CompletableFuture.allOf(told.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // A worker that does not hear it notices the study's node leave the cluster.
        } finally {
            node.vertx().cancelTimer(livenessTimer);
            events.shutdown();
            node.close();
        }
    }

    private static final class RemoteWorker {
        final String id;
        final String name;
        final int slots;
        final UUID member;
        final Set<String> running = new LinkedHashSet<>();
        long lastSeen = System.nanoTime();

        RemoteWorker(String id, String name, int slots, UUID member) {
            this.id = id;
            this.name = name;
            this.slots = slots;
            this.member = member;
        }

        int free() {
            return slots - running.size();
        }
    }

    /** A trial of the study, for as many attempts as it takes. */
    private static final class Job {
        final Trial trial;
        final CompletableFuture<Double> result;
        int attempts;

        Job(Trial trial, CompletableFuture<Double> result) {
            this.trial = trial;
            this.result = result;
        }
    }

    private record Attempt(String id, Job job, RemoteWorker worker) {}
}
