package io.tune4j.search.sampler;

import io.tune4j.search.space.SearchSpace;

/** A small space shaped like a network's (log, int-log, int, a choice with conditional children, fixed), shared by sampler tests. */
public final class NetworkLikeSpace {
    public static final SearchSpace SPACE = SearchSpace.builder()
            .logUniform("learning_rate", 1e-4, 1e-1)
            .integerLog("units", 16, 512)
            .integer("layers", 1, 3)
            .choice("optimizer", "sgd", "nesterov", "adam")
            .when("optimizer", "nesterov", b -> b.uniform("momentum", 0.5, 0.99))
            .when("optimizer", "adam", b -> b.uniform("beta1", 0.8, 0.95))
            .fixed("epochs", 10)
            .build();

    private NetworkLikeSpace() {}
}
