package io.tune4j.cli;

import io.tune4j.search.study.Objective;
import io.tune4j.trainer.data.DatasetLoader;
import io.tune4j.trainer.pool.ObjectiveFactory;
import io.tune4j.trainer.training.Dl4jObjective;
import io.tune4j.trainer.training.TrainingSpec;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/**
 * Builds a study's DL4J objective inside a worker process (isolation: process) from the study's stored space
 * file, whose data paths are absolute, so the child loads the same data and trains the same way.
 */
public final class SpaceFileObjectives implements ObjectiveFactory {

    /** What the child needs to build the objective: the stored space file and where models go. */
    public static String payload(StudyPlan plan, Path modelDir) {
        return new JsonObject().put("source", plan.source()).put("models", modelDir.toAbsolutePath().toString())
                .encode();
    }

    @Override
    public Objective create(String payload) {
        JsonObject json = new JsonObject(payload);
        StudyPlan plan = StudyFile.parse(json.getString("source"), Path.of("").toAbsolutePath(), "the study's space file");
        return objective(plan, plan.training(), Path.of(json.getString("models")));
    }

    /** The study's objective as its runs build it (every fold of its evaluation), training as {@code training} says. */
    static Dl4jObjective objective(StudyPlan plan, TrainingSpec training, Path modelDir) {
        return new Dl4jObjective(DatasetLoader.loadFolds(plan.data(), plan.evaluation().kfold(),
                plan.evaluation().repeats()), plan.network(), training, plan.metric(), modelDir);
    }
}
