package io.tune4j.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A read-only query run by {@link H2StudyStore#read} on one of its pooled connections. */
@FunctionalInterface
public interface SqlRead<T> {
    T run(Connection connection) throws SQLException;
}
