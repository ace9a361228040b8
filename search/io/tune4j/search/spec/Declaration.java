package io.tune4j.search.spec;

import io.tune4j.search.space.Parameter;
import java.util.Map;

/**
 * A parameter as a space file declares it, with the nodes it came from, so checks made after parsing (such
 * as a trainer's vocabulary) can still point at the right line. {@code domain} is the node after the form
 * key (the range list, the choice list or mapping, the fixed value); {@code valueNodes} locates each choice.
 */
public record Declaration(Parameter parameter, SpecNode name, SpecNode domain, Map<Object, SpecNode> valueNodes) {

    public Declaration {
        valueNodes = Map.copyOf(valueNodes);
    }

    /** Where {@code value} was written: its own node for a choice, the whole domain otherwise. */
    public SpecNode nodeOf(Object value) {
        return valueNodes.getOrDefault(value, domain);
    }
}
