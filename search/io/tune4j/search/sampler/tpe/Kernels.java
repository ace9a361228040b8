package io.tune4j.search.sampler.tpe;

import java.util.random.RandomGenerator;

/**
 * The kernels of one parameter in a Parzen estimator, one per mixture component (each observation, then the
 * prior). Values are coordinates: a numeric parameter's position on the unit interval (log-scaled for log
 * parameters), a categorical parameter's choice index.
 */
interface Kernels {

    double sample(int component, RandomGenerator random);

    /**
     * Adds each component's log density at {@code coordinate} to {@code sums}: all components at once, so the
     * work that depends only on the coordinate is done once per candidate, not once per component.
     */
    void addLogDensities(double coordinate, double[] sums);
}
