package io.tune4j.trainer.network;

import org.deeplearning4j.nn.conf.inputs.InputType;

/**
 * What a network is built for: {@code input} is DL4J's description of one example ({@code feedForward(n)} for a
 * table, {@code convolutionalFlat(h, w, c)} for images, whose rows arrive flattened), {@code outputs} the number of
 * classes, {@code seed} the trial's seed (set it on the configuration so the trial retrains identically).
 */
public record NetworkContext(InputType input, int outputs, long seed) {}
