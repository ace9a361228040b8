package io.tune4j.store;

/**
 * Makes the server H2 starts for a shared results file (AUTO_SERVER) listen on 127.0.0.1 instead of every
 * interface: the results must not be reachable from the network. H2 reads its system properties once, when its
 * first class loads, so this runs before any connection is made.
 */
final class LoopbackOnly {
    static final String PROPERTY = "h2.bindAddress";

    private LoopbackOnly() {}

    static void apply() {
        // A user who sets the property on purpose (e.g. -Dh2.bindAddress=...) keeps their choice.
        if (System.getProperty(PROPERTY) == null) System.setProperty(PROPERTY, "127.0.0.1");
    }
}
