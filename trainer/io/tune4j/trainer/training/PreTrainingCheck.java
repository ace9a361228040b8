package io.tune4j.trainer.training;

import io.tune4j.trainer.network.BuiltNetwork;
import io.tune4j.trainer.network.NetworkContext;
import io.tune4j.trainer.network.NetworkDefinition;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryUseMode;
import org.deeplearning4j.nn.conf.memory.NetworkMemoryReport;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Builds a trial's network configuration and estimates what training it needs, without allocating a single
 * array: DL4J's input-type inference refuses shapes that cannot work (naming the layer), and its memory report
 * gives the bytes of parameters, updater state and activations per batch. An impossible network then fails in
 * milliseconds instead of after its initialization, or, worse, part-way into training.
 */
final class PreTrainingCheck {
    private PreTrainingCheck() {}

    /** What a feasible network will need. */
    record Estimate(BuiltNetwork network, long parameters, long memoryBytes) {}

    /**
     * @param memoryBudget the bytes one trial may use; a network estimated above it is infeasible
     * @throws InfeasibleNetworkException with the reason, naming the layer where DL4J does
     */
    static Estimate check(NetworkDefinition definition, Map<String, Object> params, NetworkContext context,
                          int batchSize, long memoryBudget) {
        BuiltNetwork network;
        NetworkMemoryReport report;
        try {
            network = definition.build(params, context);
            network.checkShapes(context.input());
            report = network.memoryReport(context.input());
        } catch (RuntimeException e) {
            throw new InfeasibleNetworkException("the network cannot be built for input " + context.input() + ": "
                    + e.getMessage());
        }
        long parameters = 0;
        for (MemoryReport layer : report.getLayerAndVertexReports().values()) {
            if (layer instanceof LayerMemoryReport layerReport) parameters += layerReport.getParameterSize();
        }
        long bytes = report.getTotalMemoryBytes(batchSize, MemoryUseMode.TRAINING, CacheMode.NONE, DataType.FLOAT);
        if (bytes > memoryBudget) {
            throw new InfeasibleNetworkException(String.format(Locale.ROOT,
                    "the network needs about %.1f MiB to train at batch size %d (%,d parameters), more than the %.1f MiB"
                            + " a trial may use", bytes / 1048576.0, batchSize, parameters, memoryBudget / 1048576.0));
        }
        return new Estimate(network, parameters, bytes);
    }
}
