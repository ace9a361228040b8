package io.tune4j.search.study;

import io.tune4j.search.pruner.NopPruner;
import io.tune4j.search.pruner.Pruner;
import io.tune4j.search.sampler.Sampler;
import io.tune4j.search.sampler.SamplingContext;
import io.tune4j.search.space.SearchSpace;
import java.time.Instant;
import java.util.ArrayList;
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

    private Study(StudyRecord record, SearchSpace space, Sampler sampler, Pruner pruner, StudyStore store,
                  String worker) {
        this.record = record;
        this.space = space;
        this.sampler = sampler;
        this.pruner = pruner;
        this.store = store;
        this.worker = worker;
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
        StudyRecord record = store.openStudy(definition);
        if (record.definition().direction() != definition.direction()) {
            throw new IllegalArgumentException("study '" + definition.name() + "' exists with direction "
                    + record.definition().direction() + "; it cannot continue as " + definition.direction());
        }
        return new Study(record, space, sampler, pruner, store, WorkerName.ofThisProcess());
    }

    public StudyRecord record() {
        return record;
    }

    public Direction direction() {
        return record.definition().direction();
    }

    /** Runs {@code trials} new trials one after another in this thread. */
    public List<TrialRecord> optimize(Objective objective, int trials) {
        return optimize(objective, Budget.trials(trials), new InlineTrialRunner(), StudyListener.NONE);
    }

    /** Runs new trials on {@code runner} until the budget is spent or the sampler is exhausted. */
    public List<TrialRecord> optimize(Objective objective, Budget budget, TrialRunner runner,
                                      StudyListener listener) {
        Instant deadline = budget.timeout() == null ? null : Instant.now().plus(budget.timeout());
        BlockingQueue<Finished> done = new LinkedBlockingQueue<>();
        Map<Long, Map<String, Object>> running = new LinkedHashMap<>();
        List<TrialRecord> results = new ArrayList<>();
        int started = 0;
        while (true) {
            while (running.size() < runner.slots() && started < budget.trials() && !pastDeadline(deadline)
                    && abandonedBecause == null && !sampler.isExhausted(context(-1, running))) {
                TrialRecord trial = store.createTrial(record.id(), worker);
                Map<String, Object> params = suggest(trial, running);
                running.put(trial.id(), params);
                inFlight.add(trial.id());
                started++;
                if (abandonedBecause != null) {
                    // Created while the process was being stopped: abandonRunning may not have seen it.
                    store.finishTrial(trial.id(), TrialState.FAILED, null, abandonedBecause);
                    running.remove(trial.id());
                    inFlight.remove(trial.id());
                    break;
                }
                curves.started(trial.number());
                StoredTrial handle = new StoredTrial(store, trial, params, curves, pruner, direction());
                listener.trialStarted(trial);
                runner.start(handle, objective).whenComplete((value, failure) ->
                        done.add(new Finished(handle, value, failure)));
            }
            if (running.isEmpty()) return results;
            Finished outcome = take(done);
            running.remove(outcome.trial().id());
            TrialRecord ended = record(outcome);
            curves.finished(ended.number(), ended.state());
            inFlight.remove(ended.id());
            remember(ended);
            results.add(ended);
            listener.trialFinished(ended, bestTrial().orElse(null));
        }
    }

    /**
     * Fails every trial still running with {@code reason}. For a process that is being stopped (Ctrl-C):
     * its trials will never finish, and must not stay RUNNING in the store.
     */
    public void abandonRunning(String reason) {
        abandonedBecause = reason;
        for (long id : inFlight) store.finishTrial(id, TrialState.FAILED, null, reason);
        inFlight.clear();
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
