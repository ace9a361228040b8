package io.tune4j.search.study;

import java.util.Optional;

/** A trial of a dead process, now FAILED, and the WAITING copy that re-runs its params (none once retries are spent). */
public record Reclaimed(TrialRecord failed, Optional<TrialRecord> requeued) {}
