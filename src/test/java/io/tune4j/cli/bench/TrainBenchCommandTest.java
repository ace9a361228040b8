package io.tune4j.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.cli.Tune4jCli;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainBenchCommandTest {

    @Test
    void printsOneLinePerEpochAndASummaryAgainstTheReference() {
        Tune4jCli.Result result = Tune4jCli.run("bench", "train", "--space", "spaces/digits-mlp.yaml", "--epochs", "2",
                "--params", "units=24,batch_size=32,learning_rate=0.01", "--reference", "1.5");
        assertEquals(0, result.exitCode(), result.err());

        List<String> lines = result.out().lines().toList();
        assertTrue(lines.get(0).contains("units=24") && lines.get(0).contains("batch_size=32"),
                "the trained params, replacements included: " + lines.get(0));
        List<String> epochs = lines.stream().filter(l -> l.matches("\\s+\\d+\\s+\\d+\\s.*")).toList();
        assertEquals(2, epochs.size(), result.out());
        for (String epoch : epochs) {
            String[] cells = epoch.trim().split("\\s+");
            assertTrue(Double.parseDouble(cells[3]) > 0, "CPU seconds: " + epoch);
            assertTrue(Double.parseDouble(cells[6]) > 0.5, "digits are learnt in an epoch: " + epoch);
        }
        String summary = lines.get(lines.size() - 1);
        assertTrue(summary.startsWith("summary: median ") && summary.contains("the reference 1.50 CPU s"), summary);
    }
}
