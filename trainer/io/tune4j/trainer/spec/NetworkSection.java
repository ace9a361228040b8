package io.tune4j.trainer.spec;

import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.spec.SpaceParser;
import io.tune4j.search.spec.SpecNode;
import io.tune4j.trainer.data.ImageShape;
import io.tune4j.trainer.network.DenseShorthand;
import io.tune4j.trainer.network.Hyperparameter;
import io.tune4j.trainer.network.NetworkDefinition;
import io.tune4j.trainer.network.ParamRule;
import io.tune4j.trainer.network.block.LayerStack;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a space file's {@code network:} section declares: the {@link NetworkDefinition} its trials are built with,
 * the params it adds to the space ({@code extension}), and which rule checks each param of the space.
 *
 * @param ownRules    rules of the params the section itself declares (a block's settings, repeats, presence)
 * @param shorthandOnly space params that only the dense shorthand reads, refused beside a layer stack
 * @param openParams  whether params of no known rule are allowed (a user's class reads params of its own)
 */
public record NetworkSection(NetworkDefinition definition, SpaceParser.Extension extension,
                             Map<String, ParamRule> ownRules, Set<String> shorthandOnly, boolean openParams) {

    /** No {@code network:} section: the dense shorthand of {@code hidden_layers}, {@code units}, {@code activation}. */
    public static NetworkSection shorthand() {
        return new NetworkSection(new DenseShorthand(), (parser, builder) -> {}, Map.of(), Set.of(), false);
    }

    public NetworkSection {
        ownRules = Map.copyOf(ownRules);
        shorthandOnly = Set.copyOf(shorthandOnly);
    }

    /** A layer stack on images must build for some point of its space (see {@link ShapeFeasibility}). */
    public void checkFits(SearchSpace space, Optional<ImageShape> image, Optional<SpecNode> section) {
        if (definition instanceof LayerStack && image.isPresent() && section.isPresent()) {
            ShapeFeasibility.check(definition, space, image.get(), section.get());
        }
    }

    /** The rule a space param named {@code name} must pass, or empty when none is known. */
    public Optional<ParamRule> ruleFor(String name) {
        if (ownRules.containsKey(name)) return Optional.of(ownRules.get(name));
        if (shorthandOnly.contains(name)) return Optional.empty();
        return Hyperparameter.byKey(name).map(h -> h);
    }
}
