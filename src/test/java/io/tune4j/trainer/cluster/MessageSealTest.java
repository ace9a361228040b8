package io.tune4j.trainer.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** What a sealed message withstands: another key, a changed body, another address, a replay, an old one. */
class MessageSealTest {
    private final MessageSeal study = new MessageSeal(TestSecret.SECRET);
    private final MessageSeal worker = new MessageSeal(TestSecret.SECRET);
    private final JsonObject result = new JsonObject().put("type", "value").put("value", 0.93);

    @Test
    void aMessageSealedWithTheSharedKeyOpensOnce() {
        JsonObject sealed = worker.seal("tune4j.study.trial", result);
        assertEquals(result, study.open("tune4j.study.trial", sealed));
        assertRefused("it is a replay of an earlier message", () -> study.open("tune4j.study.trial", sealed));
    }

    @Test
    void anotherKeyAChangedBodyOrAnotherAddressIsRefused() {
        MessageSeal rogue = new MessageSeal(ClusterSecret.parse(ClusterSecret.newText()));
        String wrong = "its MAC is wrong (another secret, or the message was changed)";
        assertRefused(wrong, () -> study.open("tune4j.study.trial", rogue.seal("tune4j.study.trial", result)));
        JsonObject changed = worker.seal("tune4j.study.trial", result);
        changed.put("body", changed.getString("body").replace("0.93", "0.99"));
        assertRefused(wrong, () -> study.open("tune4j.study.trial", changed));
        assertRefused(wrong, () -> study.open("tune4j.study.hello", worker.seal("tune4j.study.trial", result)));
        assertRefused("not sealed with the cluster's secret", () -> study.open("tune4j.study.trial", result));
    }

    @Test
    void aMessageSealedOutsideTheWindowIsRefused() {
        JsonObject sealed = worker.seal("a", result);
        long old = sealed.getLong("at") - MessageSeal.WINDOW.toMillis() - 1_000;
        // Re-sealed by hand at the old time with the right key: only its age is wrong.
        JsonObject aged = sealed.copy().put("at", old).put("mac", java.util.HexFormat.of().formatHex(
                TestSecret.SECRET.mac("a\n" + old + "\n" + sealed.getString("nonce") + "\n" + sealed.getString("body"))));
        RefusedMessageException refused = assertThrows(RefusedMessageException.class, () -> study.open("a", aged));
        assertEquals(true, refused.getMessage().contains("outside the 120 s window"), refused.getMessage());
    }

    private static void assertRefused(String reason, org.junit.jupiter.api.function.Executable open) {
        assertEquals("message refused: " + reason, assertThrows(RefusedMessageException.class, open).getMessage());
    }
}
