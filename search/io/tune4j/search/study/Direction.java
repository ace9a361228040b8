package io.tune4j.search.study;

/** Whether a study looks for the lowest or the highest objective value. */
public enum Direction {
    MINIMIZE,
    MAXIMIZE;

    /** True when {@code candidate} is strictly better than {@code incumbent}. */
    public boolean isBetter(double candidate, double incumbent) {
        return this == MINIMIZE ? candidate < incumbent : candidate > incumbent;
    }

    public static Direction parse(String text) {
        for (Direction direction : values()) {
            if (direction.name().equalsIgnoreCase(text)) return direction;
        }
        throw new IllegalArgumentException("direction must be minimize or maximize, got '" + text + "'");
    }
}
