package io.tune4j.search.pruner;

import io.tune4j.search.study.Direction;
import java.util.Collection;

/** Never prunes: every trial trains until it ends or stops early on its own. */
public final class NopPruner implements Pruner {
    @Override
    public boolean shouldPrune(LearningCurve trial, Collection<LearningCurve> others, Direction direction) {
        return false;
    }
}
