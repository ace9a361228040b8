package io.tune4j.search.importance;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A CART regression tree grown on a bootstrap sample, splitting on a random subset of features at each node
 * by the largest reduction of squared error. It keeps no nodes: the forest needs only how much each feature
 * reduced the error, which is added up while the tree grows.
 */
final class RegressionTree {
    private final double[][] x;
    private final double[] y;
    private final int featuresPerSplit;
    private final int minLeaf;
    private final int maxDepth;
    private final SplittableRandom random;
    private final double[] impurityDecrease;

    RegressionTree(double[][] x, double[] y, int featuresPerSplit, int minLeaf, int maxDepth,
                   SplittableRandom random, double[] impurityDecrease) {
        this.x = x;
        this.y = y;
        this.featuresPerSplit = featuresPerSplit;
        this.minLeaf = minLeaf;
        this.maxDepth = maxDepth;
        this.random = random;
        this.impurityDecrease = impurityDecrease;
    }

    /** Grows the tree on the rows {@code rows} (a bootstrap sample, repeats allowed). */
    void grow(int[] rows) {
        split(rows, 0);
    }

    private void split(int[] rows, int depth) {
        if (depth >= maxDepth || rows.length < 2 * minLeaf) return;
        double parentError = squaredError(rows);
        if (parentError <= 1e-12) return;
        int features = x[0].length;
        int[] order = shuffledFeatures(features);
        int bestFeature = -1;
        double bestThreshold = 0;
        double bestError = parentError;
        for (int f = 0; f < Math.min(featuresPerSplit, features); f++) {
            int feature = order[f];
            Integer[] sorted = Arrays.stream(rows).boxed().toArray(Integer[]::new);
            Arrays.sort(sorted, (a, b) -> Double.compare(x[a][feature], x[b][feature]));
            // Running sums left of the cut give both sides' squared error in O(1) per cut.
            double leftSum = 0, leftSquares = 0, totalSum = 0, totalSquares = 0;
            for (int row : rows) {
                totalSum += y[row];
                totalSquares += y[row] * y[row];
            }
            for (int i = 0; i < sorted.length - 1; i++) {
                double v = y[sorted[i]];
                leftSum += v;
                leftSquares += v * v;
                int left = i + 1;
                int right = sorted.length - left;
                if (left < minLeaf || right < minLeaf) continue;
                double here = x[sorted[i]][feature];
                double next = x[sorted[i + 1]][feature];
                if (here == next) continue;
                double rightSum = totalSum - leftSum;
                double error = (leftSquares - leftSum * leftSum / left)
                        + (totalSquares - leftSquares - rightSum * rightSum / right);
                if (error < bestError) {
                    bestError = error;
                    bestFeature = feature;
                    bestThreshold = (here + next) / 2;
                }
            }
        }
        if (bestFeature < 0) return;
        impurityDecrease[bestFeature] += parentError - bestError;
        int feature = bestFeature;
        double threshold = bestThreshold;
        split(Arrays.stream(rows).filter(r -> x[r][feature] <= threshold).toArray(), depth + 1);
        split(Arrays.stream(rows).filter(r -> x[r][feature] > threshold).toArray(), depth + 1);
    }

    private double squaredError(int[] rows) {
        double sum = 0, squares = 0;
        for (int row : rows) {
            sum += y[row];
            squares += y[row] * y[row];
        }
        return squares - sum * sum / rows.length;
    }

    private int[] shuffledFeatures(int features) {
        int[] order = new int[features];
        for (int i = 0; i < features; i++) order[i] = i;
        for (int i = features - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
