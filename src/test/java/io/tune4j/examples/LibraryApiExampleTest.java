package io.tune4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.sampler.tpe.TpeSampler;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.Study;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.search.study.StudyStore;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.store.H2StudyStore;
import org.junit.jupiter.api.Test;

/** The README's library example, kept compiling and correct by running it. */
class LibraryApiExampleTest {

    @Test
    void minimizesAPlainJavaFunction() {
        // --- README example start
        SearchSpace space = SearchSpace.builder()
                .uniform("x", -5, 5)
                .logUniform("scale", 1e-3, 10)
                .choice("shape", "bowl", "ridge")
                .when("shape", "ridge", ridge -> ridge.integer("width", 1, 4))
                .build();
        try (StudyStore store = H2StudyStore.inMemory()) {   // or H2StudyStore.openFile(Path.of("results"))
            Study study = Study.open(new StudyDefinition("quadratic", Direction.MINIMIZE, "loss", "tpe", 42, ""),
                    space, new TpeSampler(42), store);
            study.optimize(trial -> {
                double x = trial.getDouble("x");
                double loss = (x - 2) * (x - 2) + Math.abs(Math.log10(trial.getDouble("scale")));
                if (trial.getString("shape").equals("ridge")) loss += trial.getInt("width");
                return loss;
            }, 200);
            TrialRecord best = study.bestTrial().orElseThrow();
            System.out.println("best " + best.value() + " at " + best.params());
            // --- README example end
            assertEquals(200, study.finishedTrials().size());
            assertTrue(best.value() < 0.1, "200 TPE trials land near the minimum 0 at x=2, scale=1: " + best);
            assertEquals("bowl", best.params().get("shape"));
        }
    }
}
