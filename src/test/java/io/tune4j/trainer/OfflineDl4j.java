package io.tune4j.trainer;

import org.deeplearning4j.common.resources.DL4JResources;

/**
 * Points DL4J's download base at a closed local port: a test that would fetch a dataset or pretrained model
 * fails at once instead of hanging on (or silently depending on) the network.
 */
public final class OfflineDl4j {
    private OfflineDl4j() {}

    public static void refuseDownloads() {
        DL4JResources.setBaseDownloadURL("http://127.0.0.1:9/");
    }
}
