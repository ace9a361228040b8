package io.tune4j.cli;

import io.tune4j.search.spec.DeclaredSpace;
import io.tune4j.search.spec.ObjectiveParser;
import io.tune4j.search.spec.ObjectiveSpec;
import io.tune4j.search.spec.ParamsParser;
import io.tune4j.search.spec.PrunerParser;
import io.tune4j.search.spec.PrunerSettings;
import io.tune4j.search.spec.SearchSettings;
import io.tune4j.search.spec.FaultToleranceParser;
import io.tune4j.search.spec.SearchSettingsParser;
import io.tune4j.search.spec.SpaceParser;
import io.tune4j.search.spec.SpecDocument;
import io.tune4j.search.spec.SpecException;
import io.tune4j.search.spec.SpecMapping;
import io.tune4j.search.spec.SpecNode;
import io.tune4j.search.study.FaultTolerance;
import io.tune4j.trainer.data.DataConfig;
import io.tune4j.trainer.spec.DataConfigParser;
import io.tune4j.trainer.pool.PoolSettings;
import io.tune4j.trainer.spec.AugmentationSpaceCheck;
import io.tune4j.trainer.spec.NetworkSection;
import io.tune4j.trainer.spec.NetworkSectionParser;
import io.tune4j.trainer.spec.NetworkSpaceCheck;
import io.tune4j.trainer.spec.PoolSettingsParser;
import io.tune4j.trainer.spec.TaskSpaceCheck;
import io.tune4j.trainer.spec.TrainingSpecParser;
import io.tune4j.trainer.data.Task;
import io.tune4j.trainer.spec.EvaluationSpecParser;
import io.tune4j.trainer.training.EvaluationSpec;
import io.tune4j.trainer.training.TaskMetrics;
import io.tune4j.trainer.training.TrainingSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a space file (spaces/*.yaml) into a checked {@link StudyPlan}, or fails with one {@link SpecException}
 * naming the file, line and key. Loading only reads: nothing is created or written.
 */
public final class StudyFile {
    private static final List<String> SECTIONS =
            List.of("study", "task", "dataset", "split", "evaluation", "objective", "search", "training", "pruner",
                    "network", "space");
    /** The study name becomes a folder, results/&lt;study&gt;/, so it must not climb out or need quoting. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private StudyFile() {}

    public static StudyPlan load(Path file) {
        return parse(read(file, "space file"), file.toAbsolutePath().getParent(), file.toString());
    }

    /** The text of {@code file}, a {@code what} (space file, params file) the user named. */
    static String read(Path file, String what) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SpecException(file.toString(), 0, "", "no such " + what);
        } catch (IOException e) {
            throw new SpecException(file.toString(), 0, "", "cannot read the " + what + ": " + e.getMessage());
        }
    }

    /**
     * Reads space-file {@code text} (e.g. the copy stored with a study); relative data paths resolve against
     * {@code folder}, errors name {@code name}.
     */
    public static StudyPlan parse(String text, Path folder, String name) {
        SpecMapping root = SpecDocument.parse(name, text).mapping().allowOnly(SECTIONS);
        String study = studyName(root.require("study"));
        SearchSettings search = SearchSettingsParser.parse(root.get("search"));
        DataConfig data = DataConfigParser.parse(root.require("dataset"), root.get("split"), root.get("task"), folder,
                search.seed());
        // The declared task (or a built-in table's); an undeclared continuous label is refused when the data is read.
        Task task = data.declaredTask();
        ObjectiveSpec objective = ObjectiveParser.parse(root.get("objective"), TaskMetrics.reported(task),
                TaskMetrics.defaultObjective(task));
        EvaluationSpec evaluation = EvaluationSpecParser.parse(root.get("evaluation"));
        PoolSettings pool = PoolSettingsParser.parse(root.get("search"));
        FaultTolerance faults = FaultToleranceParser.parse(root.get("search"));
        TrainingSpec training = TrainingSpecParser.parse(root.get("training"), task);
        PrunerSettings pruner = PrunerParser.parse(root.get("pruner"));
        NetworkSection network = NetworkSectionParser.parse(root.get("network"), data.source().image().isPresent());
        // A layer stack may declare every param itself; without one, space: is where params are.
        Optional<SpecNode> spaceNode = root.get("network").isPresent() ? root.get("space") : Optional.of(root.require("space"));
        DeclaredSpace space = SpaceParser.parse(spaceNode, network.extension());
        NetworkSpaceCheck.check(space, network);
        network.checkFits(space.space(), data.source().image(), root.get("network"));
        AugmentationSpaceCheck.check(space, data.source());
        TaskSpaceCheck.check(space, task);
        List<Map<String, Object>> enqueue = root.get("search").flatMap(node -> node.mapping().get("enqueue"))
                .map(queue -> queue.sequence().stream().map(params -> ParamsParser.parse(params, space.space())).toList())
                .orElse(List.of());
        return new StudyPlan(study, data, objective.metric(), objective.direction(), search, pool, pruner, training,
                space.space(), text, faults, network.definition(), evaluation, enqueue);
    }

    private static String studyName(SpecNode node) {
        String study = node.text();
        unsafeName(study).ifPresent(problem -> {
            throw node.fail(problem);
        });
        return study;
    }

    /** Why {@code study} cannot name a study (it names its folder under results/), or empty when it can. */
    static Optional<String> unsafeName(String study) {
        if (SAFE_NAME.matcher(study).matches() && !study.equals(".") && !study.equals("..")) return Optional.empty();
        return Optional.of("study name '" + study + "' must be a folder name: letters, digits, '.', '_' or '-'");
    }
}
