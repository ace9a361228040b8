package io.tune4j.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.cli.Tune4jCli;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplerBenchCommandTest {

    @Test
    void writesOneCsvRowPerStudyAPlotAndASummaryTable(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bench/samplers.csv");
        Tune4jCli.Result result = Tune4jCli.run("bench", "samplers", "--functions", "branin,mixed",
                "--samplers", "random,sobol", "--trials", "12", "--seeds", "3", "--out", csv.toString());
        assertEquals(0, result.exitCode(), result.err());

        List<String> lines = Files.readAllLines(csv);
        assertEquals("function,sampler,seed,trials,best_value,regret,suggest_ms_mean", lines.get(0));
        assertEquals(1 + 2 * 2 * 3, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertEquals("12", cells[3]);
            double best = Double.parseDouble(cells[4]);
            double regret = Double.parseDouble(cells[5]);
            assertTrue(regret >= 0, line);
            double minimum = cells[0].equals("branin") ? 0.397887 : 0;
            assertEquals(best - minimum, regret, 1e-4, "regret is the best value minus the optimum: " + line);
        }

        BufferedImage plot = ImageIO.read(dir.resolve("bench/samplers.png").toFile());
        assertTrue(plot.getWidth() > 500 && plot.getHeight() > 300, "a plot with a panel per function");
        assertTrue(result.out().contains("median regret @12") && result.out().contains("sobol"), result.out());
    }

    @Test
    void anUnknownFunctionOrSamplerIsRefusedBeforeAnythingRuns(@TempDir Path dir) {
        Path csv = dir.resolve("samplers.csv");
        Tune4jCli.Result function = Tune4jCli.run("bench", "samplers", "--functions", "branin,ackley",
                "--out", csv.toString());
        assertEquals(2, function.exitCode());
        assertTrue(function.err().contains("unknown function 'ackley'"), function.err());

        Tune4jCli.Result sampler = Tune4jCli.run("bench", "samplers", "--samplers", "random,bogus",
                "--out", csv.toString());
        assertEquals(2, sampler.exitCode());
        assertTrue(sampler.err().contains("unknown sampler 'bogus'"), sampler.err());
        assertFalse(Files.exists(csv));
    }
}
