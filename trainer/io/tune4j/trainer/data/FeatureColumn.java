package io.tune4j.trainer.data;

/**
 * A named feature column of a table as read: numeric, or text to one-hot encode ({@code categorical}), with the
 * strategy for its missing cells. {@code index} is its place among the table's numeric or its text columns.
 */
public record FeatureColumn(String name, boolean categorical, int index, MissingValues.Strategy missing) {}
