package io.tune4j.cli;

import io.tune4j.dashboard.export.TrialFiles;
import io.tune4j.dashboard.export.ParamsOnlyFiles;
import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.trainer.data.DatasetLoader;
import io.tune4j.trainer.data.DatasetSplits;
import io.tune4j.trainer.export.TrialExport;
import io.tune4j.trainer.training.SavedNetworks;
import io.tune4j.trainer.training.ModelRetention;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The dashboard's downloads of a trial, built the way {@code export} builds them but in memory: the
 * dashboard is read-only and writes nothing under the results folder. A study without a space file (run
 * from the library API) gets its params only.
 */
final class DashboardFiles implements TrialFiles {
    private final ResultsOption results;

    DashboardFiles(ResultsOption results) {
        this.results = results;
    }

    @Override
    public Optional<Download> file(StudyRecord study, TrialRecord best, String name) {
        String source = study.definition().source();
        if (source.isBlank()) return new ParamsOnlyFiles().file(study, best, name);
        Path model = ModelRetention.modelFile(results.studyDir(study.name()).resolve("models"), best.number());
        try {
            return switch (name) {
                case "params.yaml" -> Optional.of(text("application/yaml",
                        SpaceFileText.rerunnable(source, study.name() + "-trial-" + best.number(), best)));
                case "network.json" -> Optional.of(text("application/json", networkJson(study, best, model)));
                case "model.zip" -> Files.isRegularFile(model)
                        ? Optional.of(new Download("application/zip", Files.readAllBytes(model)))
                        : Optional.empty();
                default -> Optional.empty();
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model of trial " + best.number() + " at " + model, e);
        }
    }

    /** From the kept model when there is one; otherwise rebuilt from the params (which loads the dataset). */
    private String networkJson(StudyRecord study, TrialRecord best, Path model) throws IOException {
        if (Files.isRegularFile(model)) {
            return SavedNetworks.configurationJson(model);
        }
        StudyPlan plan = StudyFile.parse(study.definition().source(), results.dir, "study " + study.name());
        DatasetSplits data = DatasetLoader.load(plan.data());
        return TrialExport.rebuiltJson(plan.network(), data, best.params(), best.seed());
    }

    private static Download text(String type, String body) {
        return new Download(type + "; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }
}
