package io.tune4j.trainer.spec;

import io.tune4j.search.spec.SpecMapping;
import io.tune4j.search.spec.SpecNode;
import io.tune4j.trainer.pool.PoolSettings;
import io.tune4j.trainer.pool.PoolSettings.Isolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the trainer-pool keys of the {@code search:} section: {@code parallel, threads_per_worker,
 * isolation: thread|process, devices: cpu | [0, 1], trials_per_device}. (The sampler keys of the same section
 * are SearchSettingsParser's.)
 */
public final class PoolSettingsParser {
    private PoolSettingsParser() {}

    public static PoolSettings parse(Optional<SpecNode> section) {
        if (section.isEmpty()) return PoolSettings.defaults();
        SpecMapping search = section.get().mapping();
        int threads = search.get("threads_per_worker").map(node -> node.integerAtLeast(1)).orElse(1);
        Isolation isolation = search.get("isolation")
                .map(node -> Isolation.valueOf(node.oneOf("isolation", List.of("thread", "process"))
                        .toUpperCase(Locale.ROOT)))
                .orElse(Isolation.THREAD);
        List<Integer> gpus = search.get("devices").map(PoolSettingsParser::gpus).orElse(List.of());
        Optional<SpecNode> perDeviceNode = search.get("trials_per_device");
        if (perDeviceNode.isPresent() && gpus.isEmpty()) {
            throw perDeviceNode.get().fail("applies to GPUs only: list them under devices, e.g. devices: [0, 1]");
        }
        int perDevice = perDeviceNode.map(node -> node.integerAtLeast(1)).orElse(1);
        int parallel = search.get("parallel").map(node -> node.integerAtLeast(1))
                .orElse(PoolSettings.defaultParallel(threads, gpus, perDevice));
        SpecNode where = search.get("parallel").orElse(section.get());
        return where.build(() -> new PoolSettings(parallel, threads, isolation, gpus, perDevice));
    }

    private static List<Integer> gpus(SpecNode node) {
        if (!node.isSequence()) {
            if (node.text().equals("cpu")) return List.of();
            throw node.fail("expected cpu or a list of GPU indexes such as [0, 1], got '" + node.text() + "'");
        }
        List<Integer> gpus = new ArrayList<>();
        for (SpecNode item : node.sequence()) {
            int index = item.integerAtLeast(0);
            if (gpus.contains(index)) throw item.fail("GPU " + index + " is listed twice");
            gpus.add(index);
        }
        if (gpus.isEmpty()) throw node.fail("lists no GPU; write devices: cpu to train on the CPU");
        return gpus;
    }
}
