package io.tune4j.trainer.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Hands devices to trials, never more than {@code trialsPerDevice} at once on one device and, on a device with
 * memory of its own (a GPU), only while the memory estimates of the trials on it add up to no more than that
 * memory: two small networks share a GPU that one large one fills. A trial gets the least busy device that can
 * take it (the lowest index among equals), so work spreads over all GPUs before doubling up, and a device is
 * reused as soon as a trial on it ends.
 */
public final class DeviceAllocator {
    private final List<Device> devices;
    private final int trialsPerDevice;
    private final int[] inUse;
    private final long[] reserved;

    public DeviceAllocator(List<Device> devices, int trialsPerDevice) {
        if (devices.isEmpty()) throw new IllegalArgumentException("no devices to allocate");
        if (trialsPerDevice < 1) {
            throw new IllegalArgumentException("trials_per_device must be >= 1, got " + trialsPerDevice);
        }
        this.devices = List.copyOf(devices);
        this.trialsPerDevice = trialsPerDevice;
        this.inUse = new int[devices.size()];
        this.reserved = new long[devices.size()];
    }

    /** How many trials can run at once. */
    public int capacity() {
        return devices.size() * trialsPerDevice;
    }

    /** A device with room for one more trial, waiting for one to be released if all are full. */
    public synchronized Device acquire() throws InterruptedException {
        return acquire(0);
    }

    /**
     * A device with room for one more trial that needs {@code bytes} (its estimate; 0 when unknown), waiting for
     * trials to end while none has room.
     *
     * @throws IllegalStateException when no device could ever hold {@code bytes}: waiting would never end
     */
    public synchronized Device acquire(long bytes) throws InterruptedException {
        if (devices.stream().allMatch(d -> d.memoryBytes().isPresent() && d.memoryBytes().getAsLong() < bytes)) {
            throw new IllegalStateException(String.format(Locale.ROOT, "the trial needs about %.1f MiB, more than "
                    + "any device holds", bytes / 1048576.0));
        }
        while (true) {
            int chosen = -1;
            for (int i = 0; i < devices.size(); i++) {
                if (hasRoom(i, bytes) && (chosen < 0 || inUse[i] < inUse[chosen])) chosen = i;
            }
            if (chosen >= 0) {
                inUse[chosen]++;
                reserved[chosen] += bytes;
                return devices.get(chosen);
            }
            wait();
        }
    }

    private boolean hasRoom(int device, long bytes) {
        if (inUse[device] >= trialsPerDevice) return false;
        OptionalLong memory = devices.get(device).memoryBytes();
        return memory.isEmpty() || reserved[device] + bytes <= memory.getAsLong();
    }

    public synchronized void release(Device device) {
        release(device, 0);
    }

    /** Gives back a device acquired for a trial of {@code bytes}. */
    public synchronized void release(Device device, long bytes) {
        int index = devices.indexOf(device);
        if (index < 0 || inUse[index] == 0) {
            throw new IllegalStateException(device.name() + " released but not allocated");
        }
        inUse[index]--;
        reserved[index] -= bytes;
        notifyAll();
    }

    /** Trials running on each device now, in device order (for tests and diagnostics). */
    public synchronized List<Integer> load() {
        List<Integer> load = new ArrayList<>();
        for (int count : inUse) load.add(count);
        return load;
    }
}
