package io.tune4j.search.study;

import io.tune4j.search.pruner.NopPruner;
import io.tune4j.search.pruner.Pruner;
import io.tune4j.search.sampler.Sampler;
import io.tune4j.search.sampler.SamplingContext;
import io.tune4j.search.space.Distribution;
import io.tune4j.search.space.SearchSpace;
import java.time.Instant;
import java.util.AbstractList;
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
    /** The ids of {@link #finished}: a trial told here and read back from the store counts once. */
    private final Set<Long> seen = new HashSet<>();
    /** Another study's trials the sampler learns from as if they were this study's (see {@link #warmStart}). */
    private final List<TrialRecord> warmStart = new ArrayList<>();
    /** Trials asked and not yet told, by number: their params are the sampler's pending ones. */
    private final Map<Integer, StoredTrial> asked = new ConcurrentHashMap<>();
    /** Beats for trials asked through {@link #ask()} (optimize has its own) while any is not yet told. */
    private HeartbeatWriter askedHeartbeat;
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
     * a failure limit as {@code faults} say. Trials that dead processes left RUNNING are reclaimed now. A
     * study that exists with another space or sampler is refused (see {@link StudyChangedException}).
     */
    public static Study open(StudyDefinition definition, SearchSpace space, Sampler sampler, Pruner pruner,
                             StudyStore store, FaultTolerance faults) {
        return open(definition, space, sampler, pruner, store, faults, false);
    }

    /**
     * As {@link #open(StudyDefinition, SearchSpace, Sampler, Pruner, StudyStore, FaultTolerance)}; with
     * {@code allowChanges}, a study that exists with another space or sampler continues with the new ones
     * and the change is recorded with the study (its note). The direction can never change.
     */
    public static Study open(StudyDefinition definition, SearchSpace space, Sampler sampler, Pruner pruner,
                             StudyStore store, FaultTolerance faults, boolean allowChanges) {
        List<Distribution> declared = Distribution.of(space);
        Optional<StudyRecord> existing = store.findStudy(definition.name());
        // Checked before anything is written, so a refused run leaves the study as it was.
        List<String> changes = existing.isEmpty() ? List.of()
                : StudyChanges.between(existing.get(), store.declaredSpace(existing.get().id()), sampler, declared);
        if (existing.isPresent() && existing.get().definition().direction() != definition.direction()) {
            throw new IllegalArgumentException("study '" + definition.name() + "' exists with direction "
                    + existing.get().definition().direction() + "; it cannot continue as " + definition.direction());
        }
        if (!changes.isEmpty() && !allowChanges) throw new StudyChangedException(definition.name(), changes);
        StudyRecord record = store.openStudy(definition, sampler.name(), sampler.seed());
        if (!changes.isEmpty()) {
            store.recordChange(record.id(), sampler.name(), sampler.seed(), String.join("; ", changes));
            record = new StudyRecord(record.id(), record.definition(), sampler.name(), sampler.seed(),
                    record.createdAt());
        }
        store.declareSpace(record.id(), declared);
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
     * this call starts. Each trial is {@link #ask asked} and {@link #tell told} as an outside loop would.
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
        Set<Long> running = new HashSet<>();
        List<TrialRecord> results = new ArrayList<>();
        int started = 0;
        int failures = 0;
        stoppedBecause = null;
        endedBecause = null;
        while (true) {
            while (running.size() < runner.slots() && started < budget.trials() && !pastDeadline(deadline)
                    && abandonedBecause == null && stoppedBecause == null) {
                Optional<StoredTrial> next = ask(listener);
                if (next.isEmpty()) break;
                StoredTrial trial = next.get();
                started++;
                if (abandonedBecause != null) {
                    // Asked while the process was being stopped: abandonRunning may not have seen it. Queued
                    // again like the others (before, it ended FAILED with no copy: the StoppedRunTest flake).
                    inFlight.remove(trial.id());
                    asked.remove(trial.number());
                    abandon(Set.of(trial.id()), abandonedBecause);
                    break;
                }
                running.add(trial.id());
                listener.trialStarted(trial.record());
                runner.start(trial, objective).whenComplete((value, failure) ->
                        done.add(new Finished(trial, value, failure)));
            }
            if (running.isEmpty()) {
                if (started < budget.trials()) endedBecause = whyEndedEarly(deadline);
                return results;
            }
            Finished outcome = take(done);
            running.remove(outcome.trial().id());
            TrialRecord ended = tell(outcome.trial(), outcome.value(), outcome.failure());
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
     * Starts the next trial for a loop of the caller's own (another process, a cluster job): a WAITING one
     * (re-queued or enqueued) with its stored params if any waits, else one with the sampler's params. The
     * trial is RUNNING, and this process sends its heartbeats, until it is {@link #tell told}; its reports go
     * to the pruner as in {@link #optimize}. Trials that other processes finished meanwhile are read first, so
     * the sampler learns from every loop driving the study. Throws {@link IllegalStateException} when the
     * sampler has nothing left to try (a finished grid).
     */
    public synchronized Trial ask() {
        learnFromOthers();
        StoredTrial trial = ask(StudyListener.NONE)
                .orElseThrow(() -> new IllegalStateException("study '" + record.name() + "': the "
                        + sampler.name() + " sampler has nothing left to try"));
        if (askedHeartbeat == null) {
            askedHeartbeat = new HeartbeatWriter(store, inFlight, faults.heartbeatInterval());
        }
        return trial;
    }

    /** Ends {@code trial} as COMPLETE with {@code value} (FAILED if it is NaN or infinite). */
    public TrialRecord tell(Trial trial, double value) {
        return tell(trial.number(), value);
    }

    /**
     * Ends {@code trial} as PRUNED (keeping the last value it reported for the study's metric, as Optuna does)
     * or FAILED. A COMPLETE trial needs its value: {@link #tell(Trial, double)}.
     */
    public TrialRecord tell(Trial trial, TrialState state) {
        return tell(trial.number(), state);
    }

    /**
     * As {@link #tell(Trial, double)} for trial {@code number}, which this study object or another one (in
     * another process, say) asked: a cluster job can be told by number once it has run.
     */
    public TrialRecord tell(int number, double value) {
        return tellAsked(number, value, null);
    }

    /** As {@link #tell(Trial, TrialState)} for trial {@code number}, asked here or elsewhere. */
    public TrialRecord tell(int number, TrialState state) {
        return switch (state) {
            case PRUNED -> tellAsked(number, null, new TrialPrunedException(-1));
            case FAILED -> tellAsked(number, null, new IllegalStateException("told FAILED by the caller"));
            default -> throw new IllegalArgumentException("a trial is told PRUNED or FAILED, or COMPLETE with its"
                    + " value; not " + state);
        };
    }

    private synchronized TrialRecord tellAsked(int number, Double value, Throwable failure) {
        TrialRecord stored = store.trial(record.id(), number).orElseThrow(() ->
                new IllegalArgumentException("study '" + record.name() + "' has no trial " + number));
        StoredTrial trial = asked.get(number);
        if (stored.state() != TrialState.RUNNING) {
            // Told already, maybe by another process: what it was told is what this study learns.
            if (trial != null && stored.state().isFinished()) forget(trial, stored);
            throw new IllegalStateException("trial " + number + " of study '" + record.name() + "' is "
                    + stored.state() + " already");
        }
        TrialRecord ended = tell(trial != null ? trial : adopt(stored), value, failure);
        if (inFlight.isEmpty() && askedHeartbeat != null) {
            askedHeartbeat.close();
            askedHeartbeat = null;
        }
        return ended;
    }

    /**
     * Remembers the trials finished in the store that this object has not seen. One read of the study's
     * trials per ask: an outside loop's trial costs far more, and optimize (whose parallel processes never
     * needed it) does not pay it.
     */
    private void learnFromOthers() {
        for (TrialRecord trial : store.trials(record.id())) {
            if (trial.state().isFinished()) remember(trial);
        }
    }

    /** A RUNNING trial another study object (maybe in another process) asked: this one may tell it. */
    private StoredTrial adopt(TrialRecord stored) {
        curves.load(stored, store.intermediateValues(stored.id()));
        inFlight.add(stored.id());
        return new StoredTrial(store, stored, stored.params(), curves, pruner, direction(), StudyListener.NONE);
    }

    /** The next trial, RUNNING and stored with its params; empty when the sampler has nothing left to try. */
    private Optional<StoredTrial> ask(StudyListener listener) {
        reclaimStale();
        Optional<TrialRecord> next = nextTrial();
        if (next.isEmpty()) return Optional.empty();
        TrialRecord trial = next.get();
        inFlight.add(trial.id());
        curves.started(trial.number());
        StoredTrial handle = new StoredTrial(store, trial, trial.params(), curves, pruner, direction(), listener);
        asked.put(trial.number(), handle);
        return Optional.of(handle);
    }

    /** Records how {@code trial} ended and learns from it; a failure of type TrialPrunedException prunes it. */
    private TrialRecord tell(StoredTrial trial, Double value, Throwable failure) {
        TrialRecord ended = record(trial, value, failure);
        forget(trial, ended);
        return ended;
    }

    private void forget(StoredTrial trial, TrialRecord ended) {
        asked.remove(trial.number());
        curves.finished(ended.number(), ended.state());
        inFlight.remove(ended.id());
        remember(ended);
    }

    /**
     * The trial to start next: a waiting one if any (with its stored params), else a new one with the
     * sampler's params. Empty when the sampler has nothing left to try.
     */
    private Optional<TrialRecord> nextTrial() {
        Optional<TrialRecord> waiting = store.claimWaiting(record.id(), worker);
        if (waiting.isPresent()) return waiting;
        if (sampler.isExhausted(context(-1))) return Optional.empty();
        TrialRecord trial = store.createTrial(record.id(), worker);
        Map<String, Object> params = suggest(trial);
        return Optional.of(new TrialRecord(trial.id(), trial.number(), trial.state(), params, trial.value(),
                trial.seed(), trial.startedAt(), trial.finishedAt(), trial.worker(), trial.device(), trial.error(),
                trial.attributes()));
    }

    /**
     * Queues {@code params}, a point of the study's space, to run before the sampler's next suggestions (as
     * Optuna's enqueue_trial); the next {@link #ask} of any process takes it. With {@code skipIfTried}, nothing is
     * queued (empty) when a trial of the study already has exactly these params, so the points a space file
     * lists are not queued again each time its study continues.
     */
    public Optional<TrialRecord> enqueue(Map<String, Object> params, boolean skipIfTried) {
        space.violation(params).ifPresent(problem -> {
            throw new IllegalArgumentException("cannot enqueue " + params + ": " + problem);
        });
        if (skipIfTried && store.trials(record.id()).stream().anyMatch(trial -> trial.params().equals(params))) {
            return Optional.empty();
        }
        return Optional.of(store.enqueue(record.id(), params));
    }

    /**
     * Shows the sampler {@code trials} of another study (see {@link WarmStart#usable}) beside this study's own,
     * so its first suggestions already follow what that study found. They are not stored here, never this
     * study's best, and not counted as its trials.
     */
    public void warmStart(List<TrialRecord> trials) {
        warmStart.addAll(trials);
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
        Set<Long> ids = new HashSet<>(inFlight);
        // Heartbeats stop first: a beat landing between reading a trial and claiming it fails the claim, and a
        // trial whose claims all failed ended FAILED with no queued copy (the StoppedRunTest flake, seen again
        // with the database server, whose round trips widen that window).
        inFlight.removeAll(ids);
        abandon(ids, reason);
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
        // What could not be claimed is failed without a copy, unless it ended meanwhile: a trial that finished
        // while the run was stopping keeps its real result.
        if (left.isEmpty()) return;
        Set<Long> running = new HashSet<>();
        for (RunningTrial trial : store.runningTrials(record.id())) running.add(trial.id());
        for (long id : left) if (running.contains(id)) store.finishTrial(id, TrialState.FAILED, null, reason);
    }

    /** The best COMPLETE trial so far, ties going to the earlier trial. */
    public Optional<TrialRecord> bestTrial() {
        return Optional.ofNullable(best);
    }

    /** Kept up to date trial by trial: scanning the whole history after each trial would be quadratic. */
    private void remember(TrialRecord trial) {
        if (!seen.add(trial.id())) return;
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
    private Map<String, Object> suggest(TrialRecord trial) {
        try {
            Map<String, Object> params = sampler.suggest(context(trial.number()));
            store.setParams(trial.id(), params);
            return params;
        } catch (RuntimeException e) {
            store.finishTrial(trial.id(), TrialState.FAILED, null, "sampler failed: " + FailureText.of(e));
            throw e;
        }
    }

    private SamplingContext context(int number) {
        List<Map<String, Object>> pending = asked.values().stream().map(StoredTrial::params).toList();
        return new SamplingContext(space, direction(), number, history(), pending);
    }

    /** The warm-start trials, then this study's finished ones: a view, since the history is long. */
    private List<TrialRecord> history() {
        if (warmStart.isEmpty()) return finished;
        return new AbstractList<>() {
            @Override
            public TrialRecord get(int index) {
                return index < warmStart.size() ? warmStart.get(index) : finished.get(index - warmStart.size());
            }

            @Override
            public int size() {
                return warmStart.size() + finished.size();
            }
        };
    }

    private TrialRecord record(StoredTrial trial, Double value, Throwable failure) {
        long id = trial.id();
        if (FailureText.rootOf(failure) instanceof TrialPrunedException pruned) {
            // As Optuna: a pruned trial keeps its last objective value, so it shows on curves but never as best.
            // A trial told PRUNED by an outside loop was pruned where it last reported.
            int step = pruned.step() >= 0 ? pruned.step() : curves.lastStep(trial.number());
            if (step >= 0) store.setTrialAttribute(id, "pruned_at_epoch", String.valueOf(step));
            Double last = curves.lastValue(trial.number());
            return store.finishTrial(id, TrialState.PRUNED, last == null || last.isNaN() ? null : last, null);
        }
        if (failure != null) {
            // A trial that failed because the pool was shut down keeps the reason it was abandoned for.
            String reason = abandonedBecause != null ? abandonedBecause : FailureText.of(failure);
            return store.finishTrial(id, TrialState.FAILED, null, reason);
        }
        if (value == null || Double.isNaN(value) || Double.isInfinite(value)) {
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
