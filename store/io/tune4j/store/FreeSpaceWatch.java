package io.tune4j.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Watches the free space of the file system a results folder is on, and calls back once when it falls
 * below {@link #FLOOR}. A run stops there, while there is still room to record its running trials as
 * interrupted: a database that hits a full disk in the middle of a commit can only fail that commit, and a
 * run that went on would fail every trial after it (issue 14: 400 s of silence and empty model files).
 */
public final class FreeSpaceWatch implements AutoCloseable {
    /** Room kept for the last writes: the interrupted trials, and H2 closing its file (it compacts on close). */
    public static final long FLOOR = 32L << 20;
    private static final Duration EVERY = Duration.ofSeconds(1);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "tune4j-free-space");
        thread.setDaemon(true);
        return thread;
    });

    /** Starts watching {@code dir}; {@code belowFloor} gets the bytes left, once. */
    public FreeSpaceWatch(Path dir, LongConsumer belowFloor) {
        timer.scheduleWithFixedDelay(() -> {
            OptionalLong free = usable(dir);
            if (free.isPresent() && free.getAsLong() < FLOOR) {
                timer.shutdown();
                belowFloor.accept(free.getAsLong());
            }
        }, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The bytes this user may still write on the file system of {@code dir}, if it can be told. */
    public static OptionalLong usable(Path dir) {
        try {
            return OptionalLong.of(Files.getFileStore(dir).getUsableSpace());
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** How {@code bytes} reads in a message: whole MB. */
    public static String megabytes(long bytes) {
        return (bytes >> 20) + " MB";
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
