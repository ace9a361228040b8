package io.tune4j.trainer.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.sampler.LambdaSampler;
import io.tune4j.search.sampler.RandomSampler;
import io.tune4j.search.sampler.LambdaSampler;
import io.tune4j.search.sampler.Sampler;
import io.tune4j.search.sampler.LambdaSampler;
import io.tune4j.search.sampler.SamplingContext;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.study.Budget;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.Objective;
import io.tune4j.search.study.Study;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.search.study.StudyListener;
import io.tune4j.search.study.Trial;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import io.tune4j.trainer.training.TrialDivergedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process trainer pool with the real engine and a real H2 file. */
class WorkerPoolTest {
    private static final SearchSpace SPACE = SearchSpace.builder().uniform("x", 0, 1).build();

    @TempDir
    Path results;

    private Study open(H2StudyStore store, String name, Sampler sampler) {
        return Study.open(new StudyDefinition(name, Direction.MAXIMIZE, "value"), SPACE, sampler,
                store);
    }

    /** An objective that waits until {@code together} trials run at once (proof of concurrency, no timing). */
    private static Objective meetingOf(int together, AtomicInteger running, AtomicInteger mostAtOnce) {
        CountDownLatch meeting = new CountDownLatch(together);
        return trial -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                meeting.countDown();
                if (!meeting.await(60, TimeUnit.SECONDS)) throw new AssertionError("trials never ran together");
                Thread.sleep(5);
                return trial.getDouble("x");
            } finally {
                running.decrementAndGet();
            }
        };
    }

    @Test
    void runsExactlyParallelTrialsAtOnceAndRecordsOverlappingTimesAndCpuSlots() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        PoolSettings settings = new PoolSettings(3, 1, PoolSettings.Isolation.THREAD, List.of(), 1);
        try (H2StudyStore store = H2StudyStore.openFile(results); WorkerPool pool = new WorkerPool(3, settings.allocator())) {
            Study study = open(store, "three", new RandomSampler(7));
            List<TrialRecord> ran = study.optimize(meetingOf(3, running, mostAtOnce), Budget.trials(9), pool,
                    StudyListener.NONE);
            assertEquals(9, ran.size());
            assertTrue(ran.stream().allMatch(t -> t.state() == TrialState.COMPLETE));
            assertEquals(3, mostAtOnce.get(), "parallel: 3 means three at once, never more");
            List<TrialRecord> stored = store.trials(study.record().id());
            // The first three were all started before any of them finished.
            List<TrialRecord> firstThree = stored.subList(0, 3);
            for (TrialRecord a : firstThree) {
                for (TrialRecord b : firstThree) assertTrue(a.startedAt().isBefore(b.finishedAt()));
            }
            assertEquals(java.util.Set.of("cpu:0", "cpu:1", "cpu:2"),
                    stored.stream().map(TrialRecord::device).collect(Collectors.toSet()));
        }
    }

    @Test
    void simulatedGpusNeverExceedTheirTrialLimitAndFreedOnesAreReused() {
        Map<String, AtomicInteger> runningOn = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> mostOn = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> trialsOn = new ConcurrentHashMap<>();
        CountDownLatch allBusy = new CountDownLatch(4);
        Objective objective = trial -> {
            String device = SimulatedGpu.current().name();
            int now = runningOn.computeIfAbsent(device, d -> new AtomicInteger()).incrementAndGet();
            mostOn.computeIfAbsent(device, d -> new AtomicInteger()).accumulateAndGet(now, Math::max);
            trialsOn.computeIfAbsent(device, d -> new AtomicInteger()).incrementAndGet();
            try {
                allBusy.countDown();
                allBusy.await(60, TimeUnit.SECONDS);
                Thread.sleep(trial.number() % 3);
                return trial.getDouble("x");
            } finally {
                runningOn.get(device).decrementAndGet();
            }
        };
        DeviceAllocator gpus = new DeviceAllocator(List.of(new SimulatedGpu(0), new SimulatedGpu(1)), 2);
        try (H2StudyStore store = H2StudyStore.openFile(results); WorkerPool pool = new WorkerPool(4, gpus)) {
            Study study = open(store, "gpus", new RandomSampler(7));
            study.optimize(objective, Budget.trials(16), pool, StudyListener.NONE);
            assertEquals(Map.of("sim-gpu:0", 2, "sim-gpu:1", 2), mostOn.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get())));
            Map<String, Long> recorded = store.trials(study.record().id()).stream()
                    .collect(Collectors.groupingBy(TrialRecord::device, Collectors.counting()));
            assertEquals(trialsOn.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    e -> (long) e.getValue().get())), recorded, "each trial's device is recorded in H2");
            // 16 trials on 4 slots: both devices served, and one ran more trials than it holds at once, so
            // freed slots were reused (which one depends on timing: the idler one, the lower index among equals).
            assertEquals(2, recorded.size());
            assertTrue(recorded.values().stream().anyMatch(count -> count > 2), recorded.toString());
            assertEquals(List.of(0, 0), gpus.load(), "every device is released");
        }
    }

    @Test
    void theAllocatorWaitsForAFreedDeviceAndSpreadsLoad() throws Exception {
        DeviceAllocator gpus = new DeviceAllocator(List.of(new SimulatedGpu(0), new SimulatedGpu(1)), 1);
        Device first = gpus.acquire();
        Device second = gpus.acquire();
        assertFalse(first.equals(second), "the idle device before doubling up");
        CountDownLatch gotThird = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                assertEquals(second, gpus.acquire());
                gotThird.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        assertFalse(gotThird.await(200, TimeUnit.MILLISECONDS), "no device may hold two trials");
        gpus.release(second);
        assertTrue(gotThird.await(30, TimeUnit.SECONDS), "the freed device goes to the waiting trial");
        assertThrows(IllegalStateException.class, () -> gpus.release(new SimulatedGpu(5)));
    }

    @Test
    void aGpuTakesTrialsWhileTheirMemoryEstimatesFitInIt() throws Exception {
        SimulatedGpu gpu0 = new SimulatedGpu(0, 1000);
        SimulatedGpu gpu1 = new SimulatedGpu(1, 1000);
        DeviceAllocator gpus = new DeviceAllocator(List.of(gpu0, gpu1), 4);
        assertEquals(gpu0, gpus.acquire(600));
        assertEquals(gpu1, gpus.acquire(600), "the idle device first");
        assertEquals(gpu0, gpus.acquire(300), "a small network shares a device with a large one");
        assertEquals(gpu1, gpus.acquire(300));
        CountDownLatch placed = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                assertEquals(gpu0, gpus.acquire(200));
                placed.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        assertFalse(placed.await(200, TimeUnit.MILLISECONDS), "900 of 1000 bytes taken on each: 200 more fit nowhere");
        gpus.release(gpu0, 600);
        assertTrue(placed.await(30, TimeUnit.SECONDS), "the freed memory takes the waiting trial");
        IllegalStateException tooLarge = assertThrows(IllegalStateException.class, () -> gpus.acquire(5000));
        assertTrue(tooLarge.getMessage().contains("more than any device holds"), tooLarge.getMessage());
    }

    @Test
    void thePoolPlacesTrialsByTheirObjectivesMemoryEstimate() {
        Map<String, AtomicInteger> runningOn = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> mostOn = new ConcurrentHashMap<>();
        // The first two trials wait for each other, so two run at once however slowly a loaded machine starts
        // them (with only a short sleep, the first could end before the second was placed, all on one GPU).
        CountDownLatch twoRunning = new CountDownLatch(2);
        // Every trial needs 700 of a GPU's 1000 bytes: however many the count allows, one at a time per GPU.
        class LargeNetworks implements Objective, MemoryNeeds {
            @Override
            public long trainingBytes(Map<String, Object> params) {
                return 700;
            }

            @Override
            public double evaluate(Trial trial) throws Exception {
                String device = SimulatedGpu.current().name();
                int now = runningOn.computeIfAbsent(device, d -> new AtomicInteger()).incrementAndGet();
                mostOn.computeIfAbsent(device, d -> new AtomicInteger()).accumulateAndGet(now, Math::max);
                try {
                    twoRunning.countDown();
                    twoRunning.await(60, TimeUnit.SECONDS);
                    Thread.sleep(20);
                    return trial.getDouble("x");
                } finally {
                    runningOn.get(device).decrementAndGet();
                }
            }
        }
        DeviceAllocator gpus = new DeviceAllocator(List.of(new SimulatedGpu(0, 1000), new SimulatedGpu(1, 1000)), 2);
        try (H2StudyStore store = H2StudyStore.openFile(results); WorkerPool pool = new WorkerPool(4, gpus)) {
            Study study = open(store, "memory", new RandomSampler(7));
            List<TrialRecord> ran = study.optimize(new LargeNetworks(), Budget.trials(8), pool, StudyListener.NONE);
            assertEquals(8, ran.stream().filter(t -> t.state() == TrialState.COMPLETE).count());
            assertEquals(Map.of("sim-gpu:0", 1, "sim-gpu:1", 1), mostOn.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get())));
            assertEquals(List.of(0, 0), gpus.load(), "every device is released");
        }
    }

    @Test
    void theSamplerSeesTheParamsOfTrialsStillRunning() {
        List<List<Map<String, Object>>> pendingSeen = Collections.synchronizedList(new ArrayList<>());
        RandomSampler random = new RandomSampler(7);
        Sampler recording = LambdaSampler.of(context -> {
            pendingSeen.add(List.copyOf(context.pending()));
            return random.suggest(context);
        });
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        PoolSettings settings = new PoolSettings(2, 1, PoolSettings.Isolation.THREAD, List.of(), 1);
        try (H2StudyStore store = H2StudyStore.openFile(results); WorkerPool pool = new WorkerPool(2, settings.allocator())) {
            Study study = open(store, "pending", recording);
            List<TrialRecord> ran = study.optimize(meetingOf(2, running, mostAtOnce), Budget.trials(2), pool,
                    StudyListener.NONE);
            // The second suggestion was made while the first trial ran, and saw its params.
            assertEquals(List.of(), pendingSeen.get(0));
            TrialRecord first = ran.stream().filter(t -> t.number() == 0).findFirst().orElseThrow();
            assertEquals(List.of(first.params()), pendingSeen.get(1));
        }
    }

    @Test
    void trialsThatThrowDivergeOrRunOutOfMemoryFailWithTheirReasonAndThePoolGoesOn() {
        Objective troubled = trial -> switch (trial.number()) {
            case 0 -> throw new IllegalStateException("boom");
            case 1 -> Double.NaN;
            case 2 -> throw new TrialDivergedException("diverged at epoch 3: training loss is NaN");
            case 3 -> {
                long[] tooBig = new long[Integer.MAX_VALUE]; // a real OutOfMemoryError, not a thrown one
                yield tooBig.length;
            }
            default -> trial.getDouble("x");
        };
        PoolSettings settings = new PoolSettings(2, 1, PoolSettings.Isolation.THREAD, List.of(), 1);
        try (H2StudyStore store = H2StudyStore.openFile(results); WorkerPool pool = new WorkerPool(2, settings.allocator())) {
            Study study = open(store, "troubled", new RandomSampler(7));
            study.optimize(troubled, Budget.trials(8), pool, StudyListener.NONE);
            Map<Integer, TrialRecord> byNumber = store.trials(study.record().id()).stream()
                    .collect(Collectors.toMap(TrialRecord::number, t -> t));
            assertEquals("IllegalStateException: boom", byNumber.get(0).error());
            assertEquals("objective returned NaN", byNumber.get(1).error());
            assertEquals("TrialDivergedException: diverged at epoch 3: training loss is NaN", byNumber.get(2).error());
            assertTrue(byNumber.get(3).error().startsWith("OutOfMemoryError"), byNumber.get(3).error());
            for (int n = 0; n < 4; n++) assertEquals(TrialState.FAILED, byNumber.get(n).state());
            for (int n = 4; n < 8; n++) assertEquals(TrialState.COMPLETE, byNumber.get(n).state());
        }
    }
}
