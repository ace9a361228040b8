package io.tune4j.trainer.cluster;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seals an event bus message with the cluster's key and opens sealed ones: the body travels as JSON text with
 * the time it was sealed, a random nonce, and an HMAC-SHA256 over the address, time, nonce and text. A message
 * is opened only if its MAC is right (compared in constant time), its time within {@link #WINDOW} of this
 * machine's clock, and its nonce not seen before within that window, so a message can be neither forged,
 * changed, sent to another address, nor replayed.
 */
final class MessageSeal {
    /** How far the clocks of the study's and the workers' machines may differ (NTP keeps them far closer). */
    static final Duration WINDOW = Duration.ofMinutes(2);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final ClusterSecret secret;
    /** Nonces of the messages opened within the window, oldest first. */
    private final Map<String, Long> seen = new LinkedHashMap<>();

    MessageSeal(ClusterSecret secret) {
        this.secret = secret;
    }

    JsonObject seal(String address, JsonObject body) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String text = body.encode();
        long at = System.currentTimeMillis();
        String nonceText = HEX.formatHex(nonce);
        return new JsonObject().put("body", text).put("at", at).put("nonce", nonceText)
                .put("mac", HEX.formatHex(secret.mac(signed(address, at, nonceText, text))));
    }

    /**
     * The body of {@code sealed}, sent to {@code address}.
     *
     * @throws RefusedMessageException when it is not sealed with this cluster's key, or is old or a replay
     */
    JsonObject open(String address, Object sealed) {
        if (!(sealed instanceof JsonObject envelope) || !(envelope.getValue("body") instanceof String text)
                || !(envelope.getValue("at") instanceof Number at) || !(envelope.getValue("nonce") instanceof String nonce)
                || !(envelope.getValue("mac") instanceof String mac)) {
            throw new RefusedMessageException("not sealed with the cluster's secret");
        }
        byte[] expected = secret.mac(signed(address, at.longValue(), nonce, text));
        byte[] given;
        try {
            given = HEX.parseHex(mac);
        } catch (IllegalArgumentException e) {
            throw new RefusedMessageException("its MAC is not hex");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new RefusedMessageException("its MAC is wrong (another secret, or the message was changed)");
        }
        long now = System.currentTimeMillis();
        if (Math.abs(now - at.longValue()) > WINDOW.toMillis()) {
            throw new RefusedMessageException("it was sealed " + (now - at.longValue()) / 1000 + " s from now, outside"
                    + " the " + WINDOW.toSeconds() + " s window (are the machines' clocks set?)");
        }
        remember(nonce, now);
        try {
            return new JsonObject(text);
        } catch (DecodeException e) {
            throw new RefusedMessageException("its body is not a JSON object");
        }
    }

    private synchronized void remember(String nonce, long now) {
        for (Iterator<Long> at = seen.values().iterator(); at.hasNext(); ) {
            if (now - at.next() <= WINDOW.toMillis()) break;
            at.remove();
        }
        if (seen.putIfAbsent(nonce, now) != null) throw new RefusedMessageException("it is a replay of an earlier message");
    }

    private static String signed(String address, long at, String nonce, String text) {
        return address + "\n" + at + "\n" + nonce + "\n" + text;
    }
}
