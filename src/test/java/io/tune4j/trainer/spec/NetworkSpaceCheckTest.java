package io.tune4j.trainer.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.spec.SpaceParser;
import io.tune4j.search.spec.SpecDocument;
import io.tune4j.search.spec.SpecException;
import org.junit.jupiter.api.Test;

class NetworkSpaceCheckTest {

    @Test
    void acceptsASpaceWithinTheVocabulary() {
        check("""
                space:
                  learning_rate: {log_uniform: [1e-4, 1e-1]}
                  weight_init: {choice: [xavier, RELU]}
                  hidden_layers: {int: [0, 3]}
                  dropout: {uniform: [0.0, 0.5]}
                  optimizer: {choice: {nesterov: {momentum: {uniform: [0.0, 0.99]}}, adam: {}, sgd: {}}}
                  epochs: 10
                """);
    }

    @Test
    void anOptimizerSettingUnderAnotherOptimizerIsRefused() {
        assertAt(assertThrows(SpecException.class, () -> check("""
                space:
                  optimizer:
                    choice:
                      adam: {}
                      sgd: {momentum: {uniform: [0.0, 0.99]}}
                """)), 5, "space.optimizer.choice.sgd.momentum", "DL4J's momentum SGD is nesterov");
    }

    @Test
    void adaGradCannotMeetALearningRateSchedule() {
        assertAt(assertThrows(SpecException.class, () -> check("""
                space:
                  optimizer: {choice: [adam, adagrad]}
                  lr_schedule: {choice: [none, step]}
                """)), 3, "space.lr_schedule.choice[1]", "cannot go with optimizer adagrad");
        check("""
                space:
                  optimizer:
                    choice:
                      adagrad: {}
                      adam: {lr_schedule: {choice: [none, exponential]}}
                """);
    }

    @Test
    void unknownNamesAreReportedWhereverTheyAreNested() {
        SpecException e = assertThrows(SpecException.class, () -> check("""
                space:
                  optimizer:
                    choice:
                      nesterov: {momentun: {uniform: [0.5, 0.9]}}
                """));
        assertAt(e, 4, "space.optimizer.choice.nesterov.momentun", "did you mean 'momentum'?");
    }

    @Test
    void valuesAreCheckedAtTheirOwnLine() {
        assertAt(assertThrows(SpecException.class, () -> check("""
                space:
                  batch_size: 0
                """)), 2, "space.batch_size", "0 must be an integer > 0");
        assertAt(assertThrows(SpecException.class, () -> check("""
                space:
                  units: {fixed: 64.0}
                """)), 2, "space.units.fixed", "64.0 must be an integer > 0");
        assertAt(assertThrows(SpecException.class, () -> check("""
                space:
                  lr_schedule:
                    choice: [none, cosine]
                """)), 3, "space.lr_schedule.choice[1]", "unknown value 'cosine'");
    }

    @Test
    void rangesAreCheckedAtBothBounds() {
        assertAt(assertThrows(SpecException.class, () -> check("""
                space:
                  hidden_layers: {int: [-1, 2]}
                """)), 2, "space.hidden_layers.int", "low bound -1 must be an integer >= 0");
        assertAt(assertThrows(SpecException.class, () -> check("""
                space:
                  momentum: {uniform: [0.5, 1.5]}
                """)), 2, "space.momentum.uniform", "high bound 1.5 must be a number in [0, 1]");
        assertAt(assertThrows(SpecException.class, () -> check("""
                space:
                  batch_size: {uniform: [16, 64]}
                """)), 2, "space.batch_size.uniform", "must be an integer > 0");
    }

    private static void check(String yaml) {
        NetworkSpaceCheck.check(SpaceParser.parse(SpecDocument.parse("net.yaml", yaml).mapping().require("space")));
    }

    static void assertAt(SpecException e, int line, String key, String fragment) {
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(key, e.key(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
