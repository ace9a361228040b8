package io.tune4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.cli.StudyFile;
import io.tune4j.cli.StudyPlan;
import io.tune4j.cli.Tune4jCli;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import io.tune4j.trainer.data.DatasetLoader;
import io.tune4j.trainer.data.DatasetSplits;
import io.tune4j.trainer.training.Accuracy;
import io.tune4j.trainer.training.SavedNetworks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example in examples/my-network, built as its build.sh builds it (javac against tune4j, then a jar) and run
 * through the real command line with --classpath: a ComputationGraph of the user's own goes through the trainer
 * pool, is stored and exported, and the exported model scores the value recorded for its trial.
 */
class UserNetworkExampleTest {
    private static final Path EXAMPLE = Path.of("examples/my-network");

    @Test
    void aUsersGraphIsTunedThroughThePoolAndExported(@TempDir Path work) throws IOException {
        Path jar = buildExampleJar(work);
        Path results = work.resolve("results");
        Tune4jCli.Result run = Tune4jCli.run("run", EXAMPLE.resolve("residual-net.yaml").toString(), "--classpath",
                jar.toString(), "--results", results.toString(), "--trials", "2", "--no-progress");
        assertEquals(0, run.exitCode(), run.err());

        List<TrialRecord> trials;
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            long study = store.findStudy("residual-net").orElseThrow().id();
            trials = store.topTrials(study, 2);
        }
        assertEquals(2, trials.size());
        for (TrialRecord trial : trials) {
            assertEquals(TrialState.COMPLETE, trial.state());
            assertTrue(Long.parseLong(trial.attributes().get("n_params")) > 0, trial.attributes().toString());
        }
        Path best = results.resolve("residual-net/best-1");
        assertTrue(Files.readString(best.resolve("network.json")).contains("\"vertices\""), "a graph's JSON");
        assertTrue(run.out().contains(best + " (no BestNetwork.java: a ComputationGraphConfiguration"),
                "the export's line says why a graph has no Java source: " + run.out());
        assertTrue(Files.notExists(best.resolve("BestNetwork.java")));
        ComputationGraph graph = assertInstanceOf(ComputationGraph.class, SavedNetworks.load(best.resolve("model.zip")));
        StudyPlan plan = StudyFile.load(EXAMPLE.resolve("residual-net.yaml"));
        DatasetSplits data = DatasetLoader.load(plan.data());
        assertEquals(trials.get(0).value(), Accuracy.of(graph, data.validation()), 1e-9,
                "the exported model scores what its trial recorded");
    }

    @Test
    void aWorkerProcessFindsTheUsersClassToo(@TempDir Path work) throws IOException {
        Path jar = buildExampleJar(work);
        Path space = work.resolve("process.yaml");
        Files.writeString(space, Files.readString(EXAMPLE.resolve("residual-net.yaml"))
                .replace("search: {sampler: tpe, trials: 10, seed: 7}", "search: {sampler: random, trials: 1, seed: 7, isolation: process}")
                .replace("epochs: 20", "epochs: 2"));
        Path results = work.resolve("results");
        Tune4jCli.Result run = Tune4jCli.run("run", space.toString(), "--classpath", jar.toString(), "--results",
                results.toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            long study = store.findStudy("residual-net").orElseThrow().id();
            assertEquals(1, store.topTrials(study, 5).size(), "the trial completed in the worker process");
        }
    }

    @Test
    void aMissingClasspathEntryIsAUsageError(@TempDir Path work) {
        Tune4jCli.Result run = Tune4jCli.run("run", EXAMPLE.resolve("residual-net.yaml").toString(), "--classpath",
                work.resolve("nope.jar").toString(), "--results", work.resolve("results").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--classpath: classpath entry not found: "), run.err());
        assertTrue(Files.notExists(work.resolve("results")), "nothing written");
    }

    /** What build.sh does: compile the example's sources against tune4j's classpath, and jar the classes. */
    private static Path buildExampleJar(Path work) throws IOException {
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> sources;
        try (Stream<Path> files = Files.walk(EXAMPLE.resolve("src"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
                System.getProperty("java.class.path")));
        args.addAll(sources);
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the example compiles");
        Path jar = work.resolve("my-nets.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
