package io.tune4j.trainer.pool;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands devices to trials, never more than {@code trialsPerDevice} at once on one device. A trial gets the
 * least busy device (the lowest index among equals), so work spreads over all GPUs before doubling up, and a
 * device is reused as soon as a trial on it ends.
 */
public final class DeviceAllocator {
    private final List<Device> devices;
    private final int trialsPerDevice;
    private final int[] inUse;

    public DeviceAllocator(List<Device> devices, int trialsPerDevice) {
        if (devices.isEmpty()) throw new IllegalArgumentException("no devices to allocate");
        if (trialsPerDevice < 1) {
            throw new IllegalArgumentException("trials_per_device must be >= 1, got " + trialsPerDevice);
        }
        this.devices = List.copyOf(devices);
        this.trialsPerDevice = trialsPerDevice;
        this.inUse = new int[devices.size()];
    }

    /** How many trials can run at once. */
    public int capacity() {
        return devices.size() * trialsPerDevice;
    }

    /** A device with room for one more trial, waiting for one to be released if all are full. */
    public synchronized Device acquire() throws InterruptedException {
        while (true) {
            int chosen = -1;
            for (int i = 0; i < devices.size(); i++) {
                if (inUse[i] < trialsPerDevice && (chosen < 0 || inUse[i] < inUse[chosen])) chosen = i;
            }
            if (chosen >= 0) {
                inUse[chosen]++;
                return devices.get(chosen);
            }
            wait();
        }
    }

    public synchronized void release(Device device) {
        int index = devices.indexOf(device);
        if (index < 0 || inUse[index] == 0) {
            throw new IllegalStateException(device.name() + " released but not allocated");
        }
        inUse[index]--;
        notifyAll();
    }

    /** Trials running on each device now, in device order (for tests and diagnostics). */
    public synchronized List<Integer> load() {
        List<Integer> load = new ArrayList<>();
        for (int count : inUse) load.add(count);
        return load;
    }
}
