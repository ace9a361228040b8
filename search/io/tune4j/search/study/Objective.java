package io.tune4j.search.study;

/** The function a study optimizes: a DL4J training run, or any Java code returning a number. */
@FunctionalInterface
public interface Objective {
    double evaluate(Trial trial) throws Exception;
}
