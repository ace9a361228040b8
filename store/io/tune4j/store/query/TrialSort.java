package io.tune4j.store.query;

import java.util.Objects;

/**
 * How a trial list is ordered: by trial number, objective value, or by the value of one param. Only
 * these columns can reach the SQL text; a param's name is always a bound value, never part of the SQL.
 */
public record TrialSort(Key key, String param, boolean descending) {

    /** What a list can be sorted by: each has an index that returns a page without sorting all trials. */
    public enum Key {
        NUMBER,
        VALUE,
        PARAM
    }

    public TrialSort {
        Objects.requireNonNull(key, "key");
        if ((key == Key.PARAM) != (param != null)) {
            throw new IllegalArgumentException("a param sort needs a param name, and only a param sort takes one");
        }
    }

    public static TrialSort by(Key key, boolean descending) {
        return new TrialSort(key, null, descending);
    }

    public static TrialSort byParam(String name, boolean descending) {
        return new TrialSort(Key.PARAM, name, descending);
    }
}
