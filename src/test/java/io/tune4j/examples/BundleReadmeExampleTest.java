package io.tune4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.cli.Tune4jCli;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java example of a model bundle compiles as written, with its imports, and predicts with a bundle
 * exported from a real run of the shipped cars-mpg space (one short trial).
 */
class BundleReadmeExampleTest {
    private static final String BUNDLE = "results/cars-mpg/best-1";

    @Test
    void theReadmesBundleExampleCompilesAndPredicts(@TempDir Path work) throws Exception {
        String source = readmeBlock("public class PredictOneCar");
        assertEquals(0, compile(work.resolve("as-written"), source), "the README's example compiles as written");

        Path results = work.resolve("results");
        Tune4jCli.Result run = Tune4jCli.run("run", "spaces/cars-mpg.yaml", "--results", results.toString(),
                "--trials", "1", "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        Path classes = work.resolve("pointed");
        String pointed = source.replace("\"" + BUNDLE + "\"", "\"" + results.resolve("cars-mpg/best-1") + "\"");
        assertEquals(0, compile(classes, pointed));
        PrintStream original = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(printed, true));
            loader.loadClass("PredictOneCar").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        Matcher mpg = Pattern.compile("([0-9.]+) miles per gallon").matcher(printed.toString());
        assertTrue(mpg.find(), printed.toString());
        double value = Double.parseDouble(mpg.group(1));
        assertTrue(value > 3 && value < 60, "a fuel consumption in miles per gallon, not a standardized value: " + value);
    }

    private static String readmeBlock(String containing) throws IOException {
        Matcher blocks = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("README.md")));
        while (blocks.find()) if (blocks.group(1).contains(containing)) return blocks.group(1);
        throw new AssertionError("no java block with '" + containing + "' in README.md");
    }

    private static int compile(Path out, String source) throws IOException {
        Path src = Files.createDirectories(out).resolve("PredictOneCar.java");
        Files.writeString(src, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        return javac.run(null, null, null, List.of("-d", out.toString(), "-cp", System.getProperty("java.class.path"),
                src.toString()).toArray(String[]::new));
    }
}
