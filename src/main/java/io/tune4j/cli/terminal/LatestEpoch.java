package io.tune4j.cli.terminal;

import io.tune4j.search.study.IntermediateValue;
import java.util.List;

/** How far a running trial has got: its last reported epoch, and the objective metric's value there. */
public record LatestEpoch(int epoch, Double value) {

    /** From a trial's stored values; {@code value} is null when no epoch reported {@code metric}. */
    public static LatestEpoch of(List<IntermediateValue> values, String metric) {
        int epoch = 0;
        int metricEpoch = -1;
        Double value = null;
        for (IntermediateValue v : values) {
            epoch = Math.max(epoch, v.step());
            if (v.metric().equals(metric) && v.step() > metricEpoch) {
                metricEpoch = v.step();
                value = v.value();
            }
        }
        return new LatestEpoch(epoch, value);
    }
}
