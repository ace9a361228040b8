package io.tune4j.search.study;

import io.tune4j.search.sampler.Sampler;
import io.tune4j.search.space.Distribution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** What differs between a stored study's last run and the space and sampler it is continued with, in words. */
final class StudyChanges {
    private StudyChanges() {}

    /**
     * One line per difference. A study whose runs declared no space (written before schema 3, or opened
     * through the store alone) has nothing to compare its space with: only its sampler is compared then.
     */
    static List<String> between(StudyRecord stored, List<Distribution> storedSpace, Sampler sampler,
                                List<Distribution> space) {
        List<String> changes = new ArrayList<>();
        if (!stored.sampler().equals(sampler.name())) {
            changes.add("sampler changed: " + stored.sampler() + " -> " + sampler.name());
        }
        if (stored.seed() != sampler.seed()) changes.add("seed changed: " + stored.seed() + " -> " + sampler.seed());
        if (storedSpace.isEmpty()) return changes;
        Map<String, Distribution> before = byName(storedSpace);
        Map<String, Distribution> after = byName(space);
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            Distribution was = before.get(name);
            Distribution now = after.get(name);
            if (was == null) changes.add("space changed: " + name + " added, " + describe(now));
            else if (now == null) changes.add("space changed: " + name + " removed, was " + describe(was));
            else if (!was.equals(now)) changes.add("space changed: " + name + " " + describeChange(was, now));
        }
        return changes;
    }

    private static Map<String, Distribution> byName(List<Distribution> distributions) {
        Map<String, Distribution> byName = new LinkedHashMap<>();
        for (Distribution distribution : distributions) byName.put(distribution.name(), distribution);
        return byName;
    }

    /** {@code log_uniform [1e-4, 1e-1] -> [1e-5, 1e-1]} when only the range moved, both in full otherwise. */
    private static String describeChange(Distribution was, Distribution now) {
        if (Objects.equals(was.type(), now.type())) return describe(was) + " -> " + range(now);
        return describe(was) + " -> " + describe(now);
    }

    private static String describe(Distribution distribution) {
        return distribution.type() + " " + range(distribution);
    }

    private static String range(Distribution distribution) {
        if (distribution.categorical()) return distribution.choices().toString();
        return "[" + number(distribution.low()) + ", " + number(distribution.high()) + "]";
    }

    /** As a space file would write it: 1e-4 rather than 1.0E-4, 16 rather than 16.0. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) return String.valueOf((long) value);
        return String.valueOf(value).replace(".0E", "E").replace("E", "e");
    }
}
