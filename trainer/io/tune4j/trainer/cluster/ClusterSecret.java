package io.tune4j.trainer.cluster;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key a study and its workers share: every event bus message carries an HMAC-SHA256 made with it (see
 * {@link SignedBus}), and the Hazelcast cluster is named after it, so a node without the key neither joins nor
 * is heard. Written as 64 hex digits (256 bits) in an owner-only file that is copied to the worker machines.
 */
public final class ClusterSecret {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String clusterName;

    ClusterSecret(byte[] key, String clusterName) {
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.clusterName = clusterName;
    }

    /**
     * The secret written as {@code text}.
     *
     * @throws IllegalArgumentException when it is not 64 hex digits
     */
    public static ClusterSecret parse(String text) {
        String hex = text.strip();
        if (hex.length() != 2 * BYTES || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("a cluster secret is " + 2 * BYTES + " hex digits (as 'tune4j run"
                    + " --workers-port' writes it), this is not");
        }
        byte[] key = HexFormat.of().parseHex(hex);
        return new ClusterSecret(key, "tune4j-" + HexFormat.of().formatHex(mac(key, "hazelcast cluster name")).substring(0, 16));
    }

    /** A fresh random secret, as text for its file. */
    public static String newText() {
        byte[] key = new byte[BYTES];
        RANDOM.nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    /** The Hazelcast cluster name: nodes of another secret form clusters of their own. */
    String clusterName() {
        return clusterName;
    }

    /** HMAC-SHA256 of {@code text} with this key. */
    byte[] mac(String text) {
        return mac(key.getEncoded(), text);
    }

    private static byte[] mac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
