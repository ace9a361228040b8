package io.tune4j.search.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NearestNameTest {
    private static final List<String> KNOWN = List.of("learning_rate", "batch_size", "l1", "l2", "units");

    @Test
    void suggestsTheClosestNameWithinTwoEdits() {
        assertEquals(Optional.of("learning_rate"), NearestName.to("learnin_rate", KNOWN));
        assertEquals(Optional.of("batch_size"), NearestName.to("bacth_size", KNOWN));
        assertEquals(Optional.of("units"), NearestName.to("Units", KNOWN));
        assertEquals(Optional.of("l2"), NearestName.to("l2", KNOWN));
    }

    @Test
    void suggestsNothingForUnrelatedNames() {
        assertEquals(Optional.empty(), NearestName.to("momentum", KNOWN));
        assertEquals("", NearestName.hint("momentum", KNOWN));
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, NearestName.editDistance("adam", "adam"));
        assertEquals(1, NearestName.editDistance("adam", "adamw"));
        assertEquals(2, NearestName.editDistance("sgd", "sdg"));
        assertEquals(3, NearestName.editDistance("kitten", "sitting"));
    }
}
