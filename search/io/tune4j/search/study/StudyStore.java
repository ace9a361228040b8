package io.tune4j.search.study;

import io.tune4j.search.space.Distribution;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The port to where studies and trials are kept. The engine writes through it as things happen (a trial's
 * number is taken when it starts, each step's metrics when reported) so a crash loses at most the step in
 * flight. Implementations must be safe for concurrent use by the trials of one process.
 */
public interface StudyStore extends AutoCloseable {

    /**
     * The stored study of that name, created from {@code definition} searching with the sampler named
     * {@code sampler} and {@code seed} if there is none. An existing study keeps its sampler and seed.
     */
    StudyRecord openStudy(StudyDefinition definition, String sampler, long seed);

    Optional<StudyRecord> findStudy(String name);

    /**
     * Keeps how each param of the study's space is declared (scale, bounds, choices), replacing what an
     * earlier run declared: the dashboard draws every param on the scale it is sampled on.
     */
    void declareSpace(long studyId, List<Distribution> distributions);

    /** The space the study's last run declared ({@link #declareSpace}), in name order; empty if none did. */
    List<Distribution> declaredSpace(long studyId);

    /**
     * Continues the study with the sampler named {@code sampler} and {@code seed}, recording {@code change}
     * (what differs from its last run) and the time with the study, where its readers see it.
     */
    void recordChange(long studyId, String sampler, long seed, String change);

    List<StudySummary> studies();

    /**
     * Stores a new RUNNING trial with the next free number of the study (numbers stay unique when several
     * processes share a study) and its seed, the study's seed plus that number.
     */
    TrialRecord createTrial(long studyId, String worker);

    /**
     * Takes the study's lowest-numbered WAITING trial (one re-queued from a dead process) for {@code worker}:
     * it becomes RUNNING with its stored params. Two processes never take the same one. Empty when none waits.
     */
    Optional<TrialRecord> claimWaiting(long studyId, String worker);

    /** The study's RUNNING trials with the age of their last heartbeat. */
    List<RunningTrial> runningTrials(long studyId);

    /** Sets the heartbeat of those of {@code trialIds} that still run to the database's current time. */
    void heartbeat(Collection<Long> trialIds);

    /**
     * Ends {@code trial}, which a dead process was running, as FAILED with {@code reason}, and stores a WAITING
     * copy with the same params and seed under the next number unless it is already its {@code retries}-th
     * retry (attributes {@code retry_of} and {@code retry} on the copy, {@code retried_as} on the original).
     * Empty, and nothing changed, when the trial sent a heartbeat since it was read or was claimed by another
     * process: each dead trial is claimed exactly once.
     */
    Optional<Reclaimed> reclaim(RunningTrial trial, String reason, int retries);

    /**
     * Stores a WAITING trial with {@code params} under the study's next number (seeded as any trial of that
     * number), marked with the attribute {@link #ENQUEUED}: the next trial any process asks for is the
     * lowest-numbered waiting one, so enqueued params run before the sampler's, as Optuna's enqueue_trial.
     */
    TrialRecord enqueue(long studyId, Map<String, Object> params);

    /** The attribute ({@code "true"}) of a trial whose params were enqueued rather than sampled. */
    String ENQUEUED = "enqueued";

    /** Records the params a trial runs with; called once, right after {@link #createTrial}. */
    void setParams(long trialId, Map<String, Object> params);

    /** Records where a trial runs (a CPU slot, a GPU) once the runner has placed it. */
    void setDevice(long trialId, String device);

    void reportIntermediate(long trialId, int step, Map<String, Double> metrics);

    void setTrialAttribute(long trialId, String key, String value);

    /** Ends a trial; {@code value} is null unless it completed, {@code error} is null unless it failed. */
    TrialRecord finishTrial(long trialId, TrialState state, Double value, String error);

    List<TrialRecord> trials(long studyId);

    /** Trial {@code number} of the study, as stored now. */
    Optional<TrialRecord> trial(long studyId, int number);

    /** The best COMPLETE trials first, at most {@code limit}. */
    List<TrialRecord> topTrials(long studyId, int limit);

    List<IntermediateValue> intermediateValues(long trialId);

    @Override
    void close();
}
