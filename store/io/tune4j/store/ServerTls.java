package io.tune4j.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for a results database served to other machines (H2's {@code ssl} protocol). The server's key is
 * generated once with the JDK's {@code keytool} into {@code tune4j.keystore.p12} (owner-only, with a random
 * password kept in {@code tune4j.keystore.password}); clients trust exactly its certificate, carried in their
 * {@link ClientFile}. Without a keystore of its own H2 would use one built into its jar, whose private key is
 * public.
 */
final class ServerTls {
    static final String KEYSTORE = "tune4j.keystore.p12";
    static final String PASSWORD = "tune4j.keystore.password";
    private static final String ALIAS = "tune4j";

    private ServerTls() {}

    /**
     * Makes this JVM's TLS server sockets (H2 creates them with the default factory) use the folder's key,
     * generating it on first use; returns the certificate, Base64 DER, for the client file.
     */
    static String serveWith(Path dir) {
        Path keystore = dir.resolve(KEYSTORE);
        String password = OwnerOnly.readOrCreate(dir.resolve(PASSWORD), Credentials::newPassword);
        try {
            if (!Files.exists(keystore)) generate(keystore, password);
            OwnerOnly.file(keystore);
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, password.toCharArray());
            }
            System.setProperty("javax.net.ssl.keyStore", keystore.toString());
            System.setProperty("javax.net.ssl.keyStorePassword", password);
            System.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
            return Base64.getEncoder().encodeToString(store.getCertificate(ALIAS).getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TLS key " + keystore, e);
        } catch (GeneralSecurityException e) {
            throw new StoreException("cannot read the TLS key " + keystore + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes this JVM's default TLS context (the one H2's client sockets use) trust {@code certificate} only.
     * A process talks to one results database, so one trusted server per process is enough.
     */
    static void trustOnly(String certificate) {
        try {
            Certificate server = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(certificate)));
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry(ALIAS, server);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            SSLContext.setDefault(context);
            // H2 writes a keystore of its own into the home folder unless this is set; a client needs none.
            if (System.getProperty("javax.net.ssl.keyStore") == null) System.setProperty("javax.net.ssl.keyStore", "NONE");
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            throw new StoreException("the certificate in the client file does not read: " + e.getMessage(), e);
        }
    }

    private static void generate(Path keystore, String password) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=tune4j results server", "-validity", "3650",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass:env", "TUNE4J_KEYSTORE_PASSWORD",
                "-keypass:env", "TUNE4J_KEYSTORE_PASSWORD");
        try {
            // The password through the environment: a command line is visible to every user of the machine.
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("TUNE4J_KEYSTORE_PASSWORD", password);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) throw new IOException("keytool failed: " + output.strip());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating the TLS key", e);
        }
    }
}
