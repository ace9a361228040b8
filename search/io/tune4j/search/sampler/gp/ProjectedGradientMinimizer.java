package io.tune4j.search.sampler.gp;

/**
 * Minimizes a smooth function over a box by spectral projected gradient (Birgin, Martínez and Raydan 2000):
 * steps along the negative gradient projected onto the box, sized by the Barzilai-Borwein rule (a cheap
 * diagonal stand-in for the curvature) and accepted by a non-monotone Armijo test. Hipparchus has no bounded
 * gradient method; this one is a page long and needs no Hessian, which is all the GP needs twice: fitting
 * hyperparameters on a box of log-values and maximizing the acquisition on the unit cube. A coordinate with
 * equal bounds stays fixed, which is how a discrete coordinate is held while the continuous ones move.
 */
final class ProjectedGradientMinimizer {
    private static final double ARMIJO = 1e-4;
    private static final int MEMORY = 5;
    private static final double MIN_STEP = 1e-10;
    private static final double MAX_STEP = 1e10;

    /** The function to minimize: returns f(x) and writes its gradient; may return +infinity where undefined. */
    @FunctionalInterface
    interface Objective {
        double valueAndGradient(double[] x, double[] gradient);
    }

    /** Where the search ended and the value there. */
    record Result(double[] point, double value, int evaluations) {}

    private final int maxIterations;
    private final double tolerance;

    /**
     * @param tolerance stop once no coordinate of the projected gradient step exceeds this
     */
    ProjectedGradientMinimizer(int maxIterations, double tolerance) {
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    Result minimize(Objective objective, double[] start, double[] lower, double[] upper) {
        int n = start.length;
        double[] x = project(start, lower, upper);
        double[] gradient = new double[n];
        double value = objective.valueAndGradient(x, gradient);
        int evaluations = 1;
        if (!Double.isFinite(value)) return new Result(x, value, evaluations);
        double[] recent = new double[MEMORY];
        java.util.Arrays.fill(recent, value);
        double step = 1 / Math.max(tolerance, maxNorm(gradient));
        double[] trial = new double[n];
        double[] trialGradient = new double[n];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            if (projectedStepNorm(x, gradient, lower, upper) <= tolerance) break;
            double[] direction = new double[n];
            double slope = 0;
            for (int i = 0; i < n; i++) {
                direction[i] = clamp(x[i] - step * gradient[i], lower[i], upper[i]) - x[i];
                slope += direction[i] * gradient[i];
            }
            if (slope >= 0) break;
            double reference = max(recent);
            double fraction = 1;
            double trialValue;
            while (true) {
                for (int i = 0; i < n; i++) trial[i] = x[i] + fraction * direction[i];
                trialValue = objective.valueAndGradient(trial, trialGradient);
                evaluations++;
                if (trialValue <= reference + ARMIJO * fraction * slope) break;
                fraction *= 0.5;
                if (fraction < 1e-8) return new Result(x, value, evaluations);
            }
            double ss = 0;
            double sy = 0;
            for (int i = 0; i < n; i++) {
                double s = trial[i] - x[i];
                double y = trialGradient[i] - gradient[i];
                ss += s * s;
                sy += s * y;
            }
            step = sy > 0 ? Math.min(MAX_STEP, Math.max(MIN_STEP, ss / sy)) : MAX_STEP;
            System.arraycopy(trial, 0, x, 0, n);
            System.arraycopy(trialGradient, 0, gradient, 0, n);
            value = trialValue;
            recent[(iteration + 1) % MEMORY] = value;
        }
        return new Result(x, value, evaluations);
    }

    /** The largest coordinate of P(x - g) - x, zero exactly at a stationary point of the box problem. */
    private static double projectedStepNorm(double[] x, double[] gradient, double[] lower, double[] upper) {
        double norm = 0;
        for (int i = 0; i < x.length; i++) {
            norm = Math.max(norm, Math.abs(clamp(x[i] - gradient[i], lower[i], upper[i]) - x[i]));
        }
        return norm;
    }

    private static double[] project(double[] x, double[] lower, double[] upper) {
        double[] projected = new double[x.length];
        for (int i = 0; i < x.length; i++) projected[i] = clamp(x[i], lower[i], upper[i]);
        return projected;
    }

    private static double clamp(double value, double low, double high) {
        return Math.min(high, Math.max(low, value));
    }

    private static double maxNorm(double[] v) {
        double norm = 0;
        for (double value : v) norm = Math.max(norm, Math.abs(value));
        return norm;
    }

    private static double max(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) max = Math.max(max, value);
        return max;
    }
}
