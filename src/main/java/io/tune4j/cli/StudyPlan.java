package io.tune4j.cli;

import io.tune4j.search.pruner.Pruner;
import io.tune4j.search.pruner.PrunerFactory;
import io.tune4j.search.sampler.Sampler;
import io.tune4j.search.sampler.SamplerFactory;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.spec.PrunerSettings;
import io.tune4j.search.spec.SearchSettings;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.FaultTolerance;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.trainer.data.DataConfig;
import io.tune4j.trainer.network.NetworkDefinition;
import io.tune4j.trainer.pool.PoolSettings;
import io.tune4j.trainer.training.EvaluationSpec;
import io.tune4j.trainer.training.TrainingSpec;
import java.util.List;
import java.util.Map;

/**
 * Everything a space file declares, checked: what to search, on which data, judged how, for how long, where
 * trials run and which of them stop early, how it survives dead processes, which network each trial trains, how
 * each trial is judged (a validation part, or k folds). {@code source} is the file's text, stored with the study so
 * an export can be re-run; {@code enqueue} the params ({@code search.enqueue}) to run before the sampler's.
 */
public record StudyPlan(String study, DataConfig data, String metric, Direction direction, SearchSettings search,
                        PoolSettings pool, PrunerSettings pruner, TrainingSpec training, SearchSpace space,
                        String source, FaultTolerance faults, NetworkDefinition network, EvaluationSpec evaluation,
                        List<Map<String, Object>> enqueue) {

    /** The same plan searching as {@code settings} say (command-line overrides). */
    public StudyPlan withSearch(SearchSettings settings) {
        return new StudyPlan(study, data, metric, direction, settings, pool, pruner, training, space, source,
                faults, network, evaluation, enqueue);
    }

    /** The same plan with the stored copy of its source replaced (see SpaceFileText#normalized). */
    public StudyPlan withSource(String text) {
        return new StudyPlan(study, data, metric, direction, search, pool, pruner, training, space, text, faults,
                network, evaluation, enqueue);
    }

    public StudyDefinition definition() {
        return new StudyDefinition(study, direction, metric, source);
    }

    /** The sampler the plan's {@code search:} section names, with its seed. */
    public Sampler createSampler() {
        return SamplerFactory.create(search);
    }

    /** The pruner the plan declares; Hyperband's top rung is the training's epochs. */
    public Pruner createPruner() {
        return PrunerFactory.create(pruner, training.epochs(), search.seed());
    }
}
