package io.tune4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's library examples exactly as written, imports included: each complete Java file in the section
 * "Library API" is compiled against tune4j's classes and run in a JVM of its own.
 */
class ReadmeJavaExamplesTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(import .*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("public class (\\w+)");

    @Test
    void theQuickstartAndTheAskAndTellLoopCompileAndRun(@TempDir Path work) throws Exception {
        Path classes = compile(examples(), work);

        String quickstart = run(classes, "Quickstart");
        Matcher best = Pattern.compile("best (\\S+) at \\{.*shape=bowl.*}").matcher(quickstart);
        assertTrue(best.find(), quickstart);
        assertTrue(Double.parseDouble(best.group(1)) < 0.1, "200 TPE trials land near the minimum 0: " + quickstart);

        Path results = work.resolve("results");
        assertTrue(run(classes, "AskAndTell", results.toString()).startsWith("best {learning_rate="));
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            StudyRecord study = store.findStudy("outside").orElseThrow();
            List<TrialRecord> trials = store.trials(study.id());
            assertEquals(20, trials.size());
            assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE));
            assertEquals(3, store.intermediateValues(trials.get(19).id()).size(), "reports went through the trial");
            assertEquals("tpe", study.sampler());
            assertEquals(7, study.seed(), "the study took its seed from the sampler");
        }
    }

    /** The complete Java files of the README's "Library API" section. */
    private static List<String> examples() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Library API");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        List<String> sources = new ArrayList<>();
        for (Matcher block = JAVA_BLOCK.matcher(section); block.find(); ) sources.add(block.group(1));
        assertEquals(2, sources.size(), "the quickstart and the ask-and-tell loop");
        return sources;
    }

    private static Path compile(List<String> sources, Path work) throws IOException {
        Path src = Files.createDirectories(work.resolve("src"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
                System.getProperty("java.class.path")));
        for (String source : sources) {
            Matcher name = CLASS_NAME.matcher(source);
            assertTrue(name.find(), source);
            args.add(Files.writeString(src.resolve(name.group(1) + ".java"), source).toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the README's examples compile");
        return classes;
    }

    private static String run(Path classes, String mainClass, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classes + File.pathSeparator + System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), mainClass + " exits cleanly: " + out);
        return out;
    }
}
