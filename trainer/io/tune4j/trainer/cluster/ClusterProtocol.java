package io.tune4j.trainer.cluster;

import io.vertx.core.eventbus.DeliveryOptions;
import java.time.Duration;

/**
 * The event bus addresses a study and its workers talk on, and the timings both sides rely on. A worker says
 * hello (its id, name, slots, Hazelcast member), then sends a heartbeat every {@link #HEARTBEAT_EVERY}; the
 * study sends each trial to the worker's own address and the worker sends every step of it back as a request
 * the study answers, so the worker knows each report was stored (and waits while it is).
 */
final class ClusterProtocol {
    static final String HELLO = "tune4j.study.hello";
    static final String HEARTBEAT = "tune4j.study.heartbeat";
    static final String BYE = "tune4j.study.bye";
    static final String TRIAL_EVENTS = "tune4j.study.trial";

    /** Trial events besides ProcessMessages' types: where the worker placed the trial. */
    static final String DEVICE = "device";

    static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(1);
    /**
     * A worker silent this long is lost (and a study silent this long, for its workers). Long enough for a
     * full garbage collection on a loaded machine, short enough that a lost trial is re-run soon.
     */
    static final Duration GRACE = Duration.ofSeconds(15);
    /** How long one request may wait for its answer: the study answers after writing to its database. */
    static final DeliveryOptions REQUEST = new DeliveryOptions().setSendTimeout(60_000);
    /** The failure code of an answer to a worker whose attempt the study no longer waits for. */
    static final int ABANDONED = 410;
    /** The failure code of an answer to a message that does not fit (see WorkerMessages). */
    static final int MALFORMED = 400;

    private ClusterProtocol() {}

    /** Where a worker takes trials (and hears that the study has ended). */
    static String workerAddress(String workerId) {
        return "tune4j.worker." + workerId;
    }
}
