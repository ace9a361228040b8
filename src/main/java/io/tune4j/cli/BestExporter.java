package io.tune4j.cli;

import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.StudyStore;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.trainer.data.DatasetLoader;
import io.tune4j.trainer.data.DatasetSplits;
import io.tune4j.trainer.export.BestNetworkFile;
import io.tune4j.trainer.export.TrialExport;
import io.tune4j.trainer.training.ModelRetention;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Exports the best trials of a study to {@code <to>/<study>/best-<rank>/}, {@code to} being the results folder unless said. */
final class BestExporter {
    static final String TEST_PART = "test.csv";
    private final StudyStore store;
    private final ResultsOption results;
    private final Path to;

    BestExporter(StudyStore store, ResultsOption results) {
        this(store, results, results.dir);
    }

    BestExporter(StudyStore store, ResultsOption results, Path to) {
        this.store = store;
        this.results = results;
        this.to = to;
    }

    /** An exported trial's folder and what its output line adds (why it has no BestNetwork.java, if so). */
    record Exported(Path dir, String remark) {
        String line() {
            return dir + remark;
        }
    }

    List<Exported> export(StudyRecord study, int top) {
        List<TrialRecord> best = store.topTrials(study.id(), top);
        if (best.isEmpty()) throw new UserError("study '" + study.name() + "' has no completed trial to export");
        String source = study.definition().source();
        StudyPlan plan = StudyFile.parse(source, results.dir, "study " + study.name());
        Path studyDir = results.studyDir(study.name());
        DatasetShape shape = new DatasetShape(plan);
        TestPart testPart = new TestPart(plan);
        List<Exported> written = new ArrayList<>();
        for (int rank = 1; rank <= best.size(); rank++) {
            TrialRecord trial = best.get(rank - 1);
            Path dir = to.resolve(study.name()).resolve("best-" + rank);
            String params = SpaceFileText.rerunnable(source, study.name() + "-trial-" + trial.number(), trial);
            boolean model = TrialExport.write(dir, params, ModelRetention.modelFile(studyDir.resolve("models"), trial.number()),
                    () -> TrialExport.rebuiltJson(plan.network(), shape.get(), trial.params(), trial.seed()));
            if (model && plan.data().source().image().isEmpty()) testPart.write(dir.resolve(TEST_PART));
            written.add(new Exported(dir, BestNetworkFile.write(dir, study.name(), trial.number())));
        }
        return written;
    }

    /**
     * The raw rows of the study's test part, written beside a table's bundle so that
     * {@code tune4j evaluate best-1 best-1/test.csv} shows the bundle scoring what the study recorded. Images are
     * left out: MNIST's test part would be a 20 MB text file.
     */
    private static final class TestPart {
        private final StudyPlan plan;
        private String csv;

        TestPart(StudyPlan plan) {
            this.plan = plan;
        }

        void write(Path file) {
            if (csv == null) csv = DatasetLoader.testPartCsv(plan.data());
            try {
                java.nio.file.Files.writeString(file, csv);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot write " + file, e);
            }
        }
    }

    /** The dataset, loaded only if a trial's model is gone and its network must be rebuilt from params. */
    private static final class DatasetShape {
        private final StudyPlan plan;
        private DatasetSplits data;

        DatasetShape(StudyPlan plan) {
            this.plan = plan;
        }

        DatasetSplits get() {
            if (data == null) data = DatasetLoader.load(plan.data());
            return data;
        }
    }
}
