package io.tune4j.search.spec;

import io.tune4j.search.space.SearchSpace;
import java.util.List;

/** A parsed {@code space:} section: the search space and, in file order, where each parameter was declared. */
public record DeclaredSpace(SearchSpace space, List<Declaration> declarations) {
    public DeclaredSpace {
        declarations = List.copyOf(declarations);
    }
}
