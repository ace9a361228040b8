package io.tune4j.store;

/**
 * A JDBC URL of the results database and whether its connections may be kept open between calls: a reader
 * that opened the file itself must close it after each call, so that a run can take the file.
 */
record DatabaseUrl(String url, boolean pooled) {}
