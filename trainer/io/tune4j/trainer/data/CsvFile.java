package io.tune4j.trainer.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Where a CSV table's bytes are: a user's file, or one shipped in the jar ({@code resource}, a built-in table).
 * Both may be gzipped (known by the gzip magic number, not the name) and may start with a UTF-8 byte-order mark,
 * which spreadsheet exports write and which would otherwise become part of the first column's name.
 */
public record CsvFile(Path path, String resource) {

    public static CsvFile at(Path path) {
        return new CsvFile(path, null);
    }

    static CsvFile builtIn(String resource) {
        return new CsvFile(null, resource);
    }

    /** What error messages call the file. */
    public String displayName() {
        return path != null ? path.toString() : resource;
    }

    public String fileName() {
        return path != null ? path.getFileName().toString() : resource;
    }

    Reader open() throws IOException {
        InputStream in;
        if (path != null) {
            if (!Files.isRegularFile(path)) throw new DatasetException("CSV file not found: " + path);
            in = Files.newInputStream(path);
        } else {
            in = CsvFile.class.getResourceAsStream("/datasets/" + resource);
            if (in == null) throw new DatasetException("built-in table datasets/" + resource + " is missing from the jar");
        }
        InputStream buffered = new BufferedInputStream(in);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        InputStream plain = first == 0x1f && second == 0x8b ? new GZIPInputStream(buffered) : buffered;
        return new InputStreamReader(new BOMInputStream(plain), StandardCharsets.UTF_8);
    }
}
