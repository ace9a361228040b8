package io.tune4j.search.study;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A RUNNING trial as the heartbeat check sees it: who runs it, its last heartbeat, and how long ago that was
 * by the database's clock (so the clocks of the processes sharing a study never need to agree).
 */
public record RunningTrial(long id, int number, String worker, OffsetDateTime heartbeatAt, Duration sinceHeartbeat) {}
