package io.tune4j.trainer.network;

import java.util.Map;

/**
 * Turns a trial's params into a DL4J network configuration. tune4j's own networks implement it (the dense
 * shorthand, the layer stack of a {@code network:} section), and so can a user's class, named in a space file
 * as {@code network: {class: com.acme.MyNet}}: such a class needs a public no-argument constructor, and its
 * trials get everything built-in ones get (early stopping, pruning, the pool, the store, export).
 *
 * <p>{@link StandardSettings#builder} gives a configuration builder that already carries the trial's seed,
 * optimizer, learning rate (and schedule), weight initializer and L1/L2, read from the same params.
 */
public interface NetworkDefinition {

    /**
     * @param params  the trial's params (the space's names and sampled values)
     * @param context the shape of the input, the number of outputs, and the trial's seed
     * @return a {@code MultiLayerConfiguration} or a {@code ComputationGraphConfiguration}, wrapped
     */
    BuiltNetwork build(Map<String, Object> params, NetworkContext context);
}
