package io.tune4j.trainer.cluster;

import io.tune4j.search.study.FailureText;
import io.tune4j.search.study.Objective;
import io.tune4j.search.study.TrialPrunedException;
import io.tune4j.trainer.pool.CpuSlot;
import io.tune4j.trainer.pool.Device;
import io.tune4j.trainer.pool.DeviceAllocator;
import io.tune4j.trainer.pool.DeviceWorkers;
import io.tune4j.trainer.pool.ProcessMessages;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The worker side of a cluster: says hello to the study with its slots (one CPU slot, one BLAS thread, per
 * trial), runs the trials the study sends on those slots, streams every step back, and sends a heartbeat every
 * second. It ends when the study ends (or is lost, or gives up on this worker): see {@link #ended()}.
 */
public final class ClusterWorker {
    private final ClusterNode node;
    private final String id = UUID.randomUUID().toString();
    private final String name;
    private final int slots;
    private final DeviceWorkers workers;
    private final Consumer<String> log;
    private final Map<String, Objective> objectives = new HashMap<>();
    private final CompletableFuture<Ending> ended = new CompletableFuture<>();
    private volatile UUID studyMember;
    private volatile long studyLastAnswered = System.nanoTime();
    private volatile long heartbeatTimer = -1;

    /** How the worker ended: {@code clean} when the study finished, not when it was lost. */
    public record Ending(boolean clean, String reason) {}

    public ClusterWorker(ClusterNode node, String name, int slots, Consumer<String> log) {
        this.node = node;
        this.name = name;
        this.slots = slots;
        this.log = log;
        List<Device> devices = new ArrayList<>();
        for (int slot = 0; slot < slots; slot++) devices.add(new CpuSlot(slot, 1));
        this.workers = new DeviceWorkers(slots, new DeviceAllocator(devices, 1), "tune4j-cluster-worker");
        node.bus().consumer(ClusterProtocol.workerAddress(id), this::onStudyMessage);
        node.onMemberLeft(member -> {
            if (member.equals(studyMember)) end(false, "the study's node left the cluster (stopped or unreachable)");
        });
    }

    /**
     * Announces this worker to the study, retrying until it answers: the study may start later than the worker,
     * and its address takes a moment to reach this node. May be called again after it failed.
     *
     * @throws ClusterException when no study answers within {@code wait}
     */
    public void join(String studyAddress, Duration wait) {
        JsonObject hello = new JsonObject().put("worker", id).put("name", name).put("slots", slots)
                .put("member", node.memberId().toString());
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                JsonObject answer = node.bus().request(ClusterProtocol.HELLO, hello, new DeliveryOptions())
                        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                studyMember = UUID.fromString(answer.getString("member"));
                break;
            } catch (Exception notThereYet) {
                if (System.nanoTime() > deadline) {
                    throw new ClusterException("no study answered at " + studyAddress + " within " + wait.toSeconds() + " s");
                }
                sleep(500);
            }
        }
        studyLastAnswered = System.nanoTime();
        heartbeatTimer = node.vertx().setPeriodic(ClusterProtocol.HEARTBEAT_EVERY.toMillis(), timer -> heartbeat());
    }

    /** Completes when the worker should exit: the study ended, was lost, or gave up on this worker. */
    public CompletableFuture<Ending> ended() {
        return ended;
    }

    /** For Ctrl-C: tells the study, which re-sends this worker's trials at once, and stops them here. */
    public void leave() {
        try {
            node.bus().request(ClusterProtocol.BYE, new JsonObject().put("worker", id), new DeliveryOptions())
                    .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // The study notices a worker that is gone by its membership or its silence.
        }
        end(false, "stopped on this machine");
    }

    private void onStudyMessage(SignedBus.Request message) {
        JsonObject body = message.body();
        if (body.containsKey("study_ended")) {
            message.replyValue(true);
            end(true, "the study ended");
            return;
        }
        message.replyValue(true);
        RemoteTrial trial = new RemoteTrial(node.bus(), body);
        log.accept("trial " + trial.number() + " started " + trial.params());
        workers.start(trial, device -> {
            device.bind();
            return objective(body.getString("factory"), body.getString("payload")).evaluate(trial);
        }).whenComplete((value, failure) -> {
            JsonObject outcome;
            String ended;
            if (failure == null) {
                outcome = ProcessMessages.of(ProcessMessages.VALUE).put("value", ProcessMessages.number(value));
                ended = "value " + value;
            } else if (failure instanceof TrialPrunedException pruned) {
                outcome = ProcessMessages.of(ProcessMessages.PRUNED).put("step", pruned.step());
                ended = "pruned at step " + pruned.step();
            } else {
                outcome = ProcessMessages.of(ProcessMessages.FAILED).put("error", FailureText.of(failure));
                ended = "failed: " + FailureText.of(failure);
            }
            log.accept("trial " + trial.number() + " ended: " + ended);
            try {
                trial.send(outcome);
            } catch (RuntimeException lost) {
                // The study has re-sent this trial or is gone; the heartbeat tells which.
            }
        });
    }

    /** One objective per study payload, built once: a data set is loaded once for all the trials of a study. */
    private synchronized Objective objective(String factory, String payload) throws Exception {
        Objective objective = objectives.get(payload);
        if (objective == null) {
            objective = ObjectiveFactories.instantiate(factory).create(payload);
            objectives.put(payload, objective);
        }
        return objective;
    }

    private void heartbeat() {
        node.bus().request(ClusterProtocol.HEARTBEAT, new JsonObject().put("worker", id),
                new DeliveryOptions().setSendTimeout(ClusterProtocol.GRACE.toMillis()))
                .onSuccess(answer -> {
                    studyLastAnswered = System.nanoTime();
                    if (!answer.getBoolean("known")) {
                        end(false, "the study gave up on this worker (it was silent for more than "
                                + ClusterProtocol.GRACE.toSeconds() + " s); its trials ran elsewhere");
                    }
                })
                .onFailure(failure -> {
                    boolean noStudy = failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS;
                    if (noStudy || System.nanoTime() - studyLastAnswered > ClusterProtocol.GRACE.toNanos()) {
                        end(false, "the study stopped answering (" + failure.getMessage() + ")");
                    }
                });
    }

    private void end(boolean clean, String reason) {
        if (!ended.complete(new Ending(clean, reason))) return;
        // No heartbeat may go out while the node closes: it would fail with a stack trace.
        if (heartbeatTimer >= 0) node.vertx().cancelTimer(heartbeatTimer);
        workers.stop(0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while joining the study", e);
        }
    }
}
