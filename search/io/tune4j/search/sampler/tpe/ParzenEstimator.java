package io.tune4j.search.sampler.tpe;

import io.tune4j.search.space.CategoricalParameter;
import io.tune4j.search.space.Parameter;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A mixture density over a group of parameters: one component per observation (a product of one kernel per
 * parameter, so a group of several parameters is modelled jointly) plus a flat prior component. TPE builds
 * one from the good trials, l(x), and one from the bad, g(x).
 */
final class ParzenEstimator {
    private final List<Parameter> parameters;
    private final Kernels[] kernels;
    private final double[] cumulativeWeights;
    private final double[] logWeights;

    ParzenEstimator(List<Parameter> parameters, List<Observation> observations, TpeOptions options) {
        this.parameters = parameters;
        int n = observations.size();
        double[] weights = ObservationWeights.of(n);
        logWeights = new double[n + 1];
        cumulativeWeights = new double[n + 1];
        double total = options.priorWeight();
        for (double w : weights) total += w;
        double running = 0;
        for (int k = 0; k <= n; k++) {
            double w = (k < n ? weights[k] : options.priorWeight()) / total;
            logWeights[k] = Math.log(w);
            running += w;
            cumulativeWeights[k] = running;
        }
        long numeric = parameters.stream().filter(p -> !(p instanceof CategoricalParameter)).count();
        int jointDimensions = options.multivariate() ? (int) numeric : 0;
        kernels = new Kernels[parameters.size()];
        for (int d = 0; d < kernels.length; d++) {
            Parameter parameter = parameters.get(d);
            if (parameter instanceof CategoricalParameter categorical) {
                int[] observed = observations.stream()
                        .mapToInt(o -> categorical.choices().indexOf(o.params().get(parameter.name()))).toArray();
                kernels[d] = new CategoricalKernels(categorical.choices().size(), observed, options.priorWeight());
            } else {
                double[] coordinates = observations.stream()
                        .mapToDouble(o -> parameter.toUnit(o.params().get(parameter.name()))).toArray();
                kernels[d] = new NumericKernels(parameter, coordinates, jointDimensions);
            }
        }
    }

    /** A point drawn from the mixture: pick a component by weight, then each coordinate from its kernel. */
    double[] sample(RandomGenerator random) {
        double u = random.nextDouble();
        int component = 0;
        while (component < cumulativeWeights.length - 1 && u >= cumulativeWeights[component]) component++;
        double[] point = new double[kernels.length];
        for (int d = 0; d < point.length; d++) point[d] = kernels[d].sample(component, random);
        return point;
    }

    double logDensity(double[] point) {
        double[] terms = logWeights.clone();
        for (int d = 0; d < point.length; d++) kernels[d].addLogDensities(point[d], terms);
        double max = Double.NEGATIVE_INFINITY;
        for (double term : terms) max = Math.max(max, term);
        if (max == Double.NEGATIVE_INFINITY) return max;
        double sum = 0;
        for (double term : terms) sum += Math.exp(term - max);
        return max + Math.log(sum);
    }

    /** The param value of each coordinate of {@code point}. */
    Object valueOf(int dimension, double coordinate) {
        Parameter parameter = parameters.get(dimension);
        if (parameter instanceof CategoricalParameter categorical) return categorical.choices().get((int) coordinate);
        return parameter.fromUnit(coordinate);
    }
}
