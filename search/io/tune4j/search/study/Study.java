package io.tune4j.search.study;

import io.tune4j.search.pruner.NopPruner;
import io.tune4j.search.pruner.Pruner;
import io.tune4j.search.sampler.Sampler;
import io.tune4j.search.sampler.SamplingContext;
import io.tune4j.search.space.Distribution;
import io.tune4j.search.space.SearchSpace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The search loop: ask the sampler, start the trial on the runner, record how it ended, repeat until the
 * budget is spent. Everything goes through the store as it happens; opening a study that exists continues it
 * (numbering goes on and its finished trials feed the sampler).
 */
public final class Study {
    private final StudyRecord record;
    private final SearchSpace space;
    private final Sampler sampler;
    private final Pruner pruner;
    private final StudyStore store;
    private final String worker;
    private final List<TrialRecord> finished = new ArrayList<>();
    private final IntermediateCurves curves;
    private TrialRecord best;
    /** Trials started and not yet recorded; read by {@link #abandonRunning} from another thread. */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    /** Set by {@link #abandonRunning} (a shutdown hook): no new trial starts, and none ends otherwise. */
    private volatile String abandonedBecause;
    private final FaultTolerance faults;
    private final StaleTrials staleTrials;
    private final List<Reclaimed> reclaimed = new ArrayList<>();
    /** Why this study stopped starting trials before its budget was spent (too many failures); null if it did not. */
    private String stoppedBecause;
    /** Why the last optimize started fewer trials than its budget, whatever the cause; null if it started all. */
    private String endedBecause;

    private Study(StudyRecord record, SearchSpace space, Sampler sampler, Pruner pruner, StudyStore store,
                  String worker, FaultTolerance faults) {
        this.record = record;
        this.space = space;
        this.sampler = sampler;
        this.pruner = pruner;
        this.store = store;
        this.worker = worker;
        this.faults = faults;
        this.staleTrials = new StaleTrials(store, record.id(), faults);
        // Trials a dead process left RUNNING are failed (and re-queued) before the history is read, so they
        // count as the failures they are.
        reclaimed.addAll(staleTrials.reclaim(Set.of()));
        // The curves of earlier runs feed the pruner exactly as if they had been reported in this one. A study
        // without a pruner never reads them, so continuing a large one stays cheap.
        boolean pruning = !(pruner instanceof NopPruner);
        this.curves = new IntermediateCurves(record.definition().metric(), pruning);
        for (TrialRecord trial : store.trials(record.id())) {
            if (!trial.state().isFinished()) continue;
            remember(trial);
            if (pruning) curves.load(trial, store.intermediateValues(trial.id()));
        }
    }

    /** Opens the study named in {@code definition}, creating it in {@code store} if it is new. */
    public static Study open(StudyDefinition definition, SearchSpace space, Sampler sampler, StudyStore store) {
        return open(definition, space, sampler, new NopPruner(), store);
    }

    /** As {@link #open(StudyDefinition, SearchSpace, Sampler, StudyStore)}, stopping hopeless trials by {@code pruner}. */
    public static Study open(StudyDefinition definition, SearchSpace space, Sampler sampler, Pruner pruner,
                             StudyStore store) {
        return open(definition, space, sampler, pruner, store, FaultTolerance.DEFAULTS);
    }

    /**
     * As {@link #open(StudyDefinition, SearchSpace, Sampler, Pruner, StudyStore)} with heartbeats, retries and
     * a failure limit as {@code faults} say. Trials that dead processes left RUNNING are reclaimed now.
     */
    public static Study open(StudyDefinition definition, SearchSpace space, Sampler sampler, Pruner pruner,
                             StudyStore store, FaultTolerance faults) {
        StudyRecord record = store.openStudy(definition);
        if (record.definition().direction() != definition.direction()) {
            throw new IllegalArgumentException("study '" + definition.name() + "' exists with direction "
                    + record.definition().direction() + "; it cannot continue as " + definition.direction());
        }
        store.declareSpace(record.id(), Distribution.of(space));
        return new Study(record, space, sampler, pruner, store, WorkerName.ofThisProcess(), faults);
    }

    public StudyRecord record() {
        return record;
    }

    public Direction direction() {
        return record.definition().direction();
    }

    /** The trials of dead processes this study has failed, and re-queued unless their retries were spent. */
    public List<Reclaimed> reclaimed() {
        return List.copyOf(reclaimed);
    }

    /** Why the last {@code optimize} stopped before its budget was spent, e.g. too many failed trials. */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stoppedBecause);
    }

    /**
     * Why the last {@code optimize} was cut short of its budget: its timeout passed, too many trials failed
     * ({@link #stopReason}), or the run was stopped. Empty when it started every trial, or when the sampler had
     * nothing left to try (a finished grid): then the study is done rather than cut short.
     */
    public Optional<String> endReason() {
        return Optional.ofNullable(endedBecause);
    }

    /** Runs {@code trials} new trials one after another in this thread. */
    public List<TrialRecord> optimize(Objective objective, int trials) {
        return optimize(objective, Budget.trials(trials), new InlineTrialRunner(), StudyListener.NONE);
    }

    /**
     * Runs trials on {@code runner} until the budget is spent, the sampler is exhausted, or too many failed.
     * Trials re-queued from dead processes go first and count against the budget: it is the number of trials
     * this call starts.
     */
    public List<TrialRecord> optimize(Objective objective, Budget budget, TrialRunner runner,
                                      StudyListener listener) {
        try (HeartbeatWriter heartbeat = new HeartbeatWriter(store, inFlight, faults.heartbeatInterval())) {
            return optimizeWithHeartbeat(objective, budget, runner, listener);
        }
    }

    private List<TrialRecord> optimizeWithHeartbeat(Objective objective, Budget budget, TrialRunner runner,
                                                    StudyListener listener) {
        Instant deadline = budget.timeout() == null ? null : Instant.now().plus(budget.timeout());
        BlockingQueue<Finished> done = new LinkedBlockingQueue<>();
        Map<Long, Map<String, Object>> running = new LinkedHashMap<>();
        List<TrialRecord> results = new ArrayList<>();
        int started = 0;
        int failures = 0;
        stoppedBecause = null;
        endedBecause = null;
        while (true) {
            while (running.size() < runner.slots() && started < budget.trials() && !pastDeadline(deadline)
                    && abandonedBecause == null && stoppedBecause == null) {
                reclaimStale();
                Optional<TrialRecord> next = nextTrial(running);
                if (next.isEmpty()) break;
                TrialRecord trial = next.get();
                Map<String, Object> params = trial.params();
                running.put(trial.id(), params);
                inFlight.add(trial.id());
                started++;
                if (abandonedBecause != null) {
                    // Created while the process was being stopped: abandonRunning may not have seen it. Queued
                    // again like the others (before, it ended FAILED with no copy: the StoppedRunTest flake).
                    abandon(Set.of(trial.id()), abandonedBecause);
                    running.remove(trial.id());
                    inFlight.remove(trial.id());
                    break;
                }
                curves.started(trial.number());
                StoredTrial handle = new StoredTrial(store, trial, params, curves, pruner, direction(), listener);
                listener.trialStarted(trial);
                runner.start(handle, objective).whenComplete((value, failure) ->
                        done.add(new Finished(handle, value, failure)));
            }
            if (running.isEmpty()) {
                if (started < budget.trials()) endedBecause = whyEndedEarly(deadline);
                return results;
            }
            Finished outcome = take(done);
            running.remove(outcome.trial().id());
            TrialRecord ended = record(outcome);
            curves.finished(ended.number(), ended.state());
            inFlight.remove(ended.id());
            remember(ended);
            results.add(ended);
            listener.trialFinished(ended, bestTrial().orElse(null));
            if (ended.state() == TrialState.FAILED && abandonedBecause == null) failures++;
            if (faults.maxFailures() > 0 && failures >= faults.maxFailures() && stoppedBecause == null) {
                // Running trials still finish: what they have computed is worth keeping.
                stoppedBecause = failures + " trials failed in this run (max_failures: " + faults.maxFailures()
                        + "); the last: trial " + ended.number() + ": " + ended.error();
            }
        }
    }

    private String whyEndedEarly(Instant deadline) {
        if (abandonedBecause != null) return abandonedBecause;
        if (stoppedBecause != null) return stoppedBecause;
        return pastDeadline(deadline) ? "the timeout passed" : null;
    }

    /**
     * The trial to start next: a re-queued one if any waits (with its stored params), else a new one with the
     * sampler's params. Empty when the sampler has nothing left to try.
     */
    private Optional<TrialRecord> nextTrial(Map<Long, Map<String, Object>> running) {
        Optional<TrialRecord> waiting = store.claimWaiting(record.id(), worker);
        if (waiting.isPresent()) return waiting;
        if (sampler.isExhausted(context(-1, running))) return Optional.empty();
        TrialRecord trial = store.createTrial(record.id(), worker);
        Map<String, Object> params = suggest(trial, running);
        return Optional.of(new TrialRecord(trial.id(), trial.number(), trial.state(), params, trial.value(),
                trial.seed(), trial.startedAt(), trial.finishedAt(), trial.worker(), trial.device(), trial.error(),
                trial.attributes()));
    }

    /** Before each start, as Optuna's fail_stale_trials: dead processes' trials go back to the queue. */
    private void reclaimStale() {
        for (Reclaimed dead : staleTrials.reclaim(inFlight)) {
            reclaimed.add(dead);
            remember(dead.failed());
        }
    }

    /**
     * Fails every trial still running with {@code reason} and, within the study's retries, queues a copy with
     * the same params for the next run, as for a trial of a dead process. For a process that is being stopped
     * (Ctrl-C, or the SIGTERM of a preempted machine): its trials will never finish, must not stay RUNNING in
     * the store, and their params should still be tried when the study is resumed.
     */
    public void abandonRunning(String reason) {
        abandonedBecause = reason;
        abandon(new HashSet<>(inFlight), reason);
        inFlight.clear();
    }

    /** Fails trials {@code ids} with {@code reason}, each with a WAITING copy of its params within the retries. */
    private void abandon(Set<Long> ids, String reason) {
        Set<Long> left = new HashSet<>(ids);
        for (int attempt = 0; attempt < 3 && !left.isEmpty(); attempt++) {
            // A claim fails when the heartbeat moved since it was read; read again and retry.
            for (RunningTrial trial : store.runningTrials(record.id())) {
                if (left.contains(trial.id()) && store.reclaim(trial, reason, faults.retries()).isPresent()) {
                    left.remove(trial.id());
                }
            }
        }
        for (long id : left) store.finishTrial(id, TrialState.FAILED, null, reason);
    }

    /** The best COMPLETE trial so far, ties going to the earlier trial. */
    public Optional<TrialRecord> bestTrial() {
        return Optional.ofNullable(best);
    }

    /** Kept up to date trial by trial: scanning the whole history after each trial would be quadratic. */
    private void remember(TrialRecord trial) {
        finished.add(trial);
        if (trial.valueIfComplete().isEmpty()) return;
        boolean better = best == null || direction().isBetter(trial.value(), best.value())
                || (trial.value().equals(best.value()) && trial.number() < best.number());
        if (better) best = trial;
    }

    public List<TrialRecord> finishedTrials() {
        return List.copyOf(finished);
    }

    /**
     * The sampler's params for {@code trial}, stored. A sampler that throws is a bug, but the trial it left
     * behind must not stay RUNNING for ever: it is failed with the reason first.
     */
    private Map<String, Object> suggest(TrialRecord trial, Map<Long, Map<String, Object>> running) {
        try {
            Map<String, Object> params = sampler.suggest(context(trial.number(), running));
            store.setParams(trial.id(), params);
            return params;
        } catch (RuntimeException e) {
            store.finishTrial(trial.id(), TrialState.FAILED, null, "sampler failed: " + FailureText.of(e));
            throw e;
        }
    }

    private SamplingContext context(int number, Map<Long, Map<String, Object>> running) {
        return new SamplingContext(space, direction(), number, finished, new ArrayList<>(running.values()));
    }

    private TrialRecord record(Finished outcome) {
        long id = outcome.trial().id();
        if (FailureText.rootOf(outcome.failure()) instanceof TrialPrunedException pruned) {
            // As Optuna: a pruned trial keeps its last objective value, so it shows on curves but never as best.
            store.setTrialAttribute(id, "pruned_at_epoch", String.valueOf(pruned.step()));
            Double last = curves.lastValue(outcome.trial().number());
            return store.finishTrial(id, TrialState.PRUNED, last == null || last.isNaN() ? null : last, null);
        }
        if (outcome.failure() != null) {
            // A trial that failed because the pool was shut down keeps the reason it was abandoned for.
            String reason = abandonedBecause != null ? abandonedBecause : FailureText.of(outcome.failure());
            return store.finishTrial(id, TrialState.FAILED, null, reason);
        }
        double value = outcome.value();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return store.finishTrial(id, TrialState.FAILED, null, "objective returned " + value);
        }
        return store.finishTrial(id, TrialState.COMPLETE, value, null);
    }

    private static boolean pastDeadline(Instant deadline) {
        return deadline != null && Instant.now().isAfter(deadline);
    }

    private static Finished take(BlockingQueue<Finished> done) {
        try {
            return done.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException("interrupted while waiting for trials", e);
        }
    }

    private record Finished(StoredTrial trial, Double value, Throwable failure) {}

}
