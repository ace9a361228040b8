package io.tune4j.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Files and folders only their owner can read: the results folder holds the database, its credentials and the
 * cluster's secret, and H2 writes the port and key of the server it runs into a lock file there. The folder is
 * what keeps other users out (0700: they cannot even list it), so files H2 creates with the usual umask inside it
 * are out of reach too; the files tune4j knows of are narrowed to 0600 as well, in case the folder is widened.
 * On a file system without POSIX permissions (Windows) these are no-ops.
 */
public final class OwnerOnly {
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {}

    /** Creates {@code dir} (and its parents) owner-only, or narrows an existing one this user owns to 0700. */
    public static Path folder(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir.toAbsolutePath().getParent());
                try {
                    Files.createDirectory(dir, created(dir, FOLDER));
                } catch (FileAlreadyExistsException createdMeanwhile) {
                    // another process made it at the same moment; it is narrowed below like any existing folder
                }
            }
            narrow(dir, FOLDER);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder " + dir.toAbsolutePath() + ": " + reason(e), e);
        }
    }

    /** Narrows {@code file} to 0600 if it exists; a read-only file system or another owner's file is left as is. */
    public static void file(Path file) {
        if (Files.exists(file)) narrow(file, FILE);
    }

    /**
     * The text of {@code file}, which is created owner-only with {@code content} if it does not exist. Two
     * processes creating it at once agree on one content: it is written to a private temporary file and then
     * linked in place, which fails for the one that comes second, so a reader never sees it half written.
     */
    public static String readOrCreate(Path file, Supplier<String> content) {
        try {
            if (Files.exists(file)) return Files.readString(file, StandardCharsets.UTF_8).strip();
            Path temporary = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".new");
            Files.deleteIfExists(temporary);
            Files.createFile(temporary, created(temporary, FILE));
            try {
                Files.writeString(temporary, content.get() + "\n", StandardCharsets.UTF_8);
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException anotherWasFirst) {
                // its content is read below
            } finally {
                Files.deleteIfExists(temporary);
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file.toAbsolutePath() + ": " + reason(e), e);
        }
    }

    /** True when {@code path} is on a file system that is mounted read-only or that this user may not write. */
    public static boolean readOnly(Path path) {
        try {
            return Files.getFileStore(path).isReadOnly() || !Files.isWritable(path);
        } catch (IOException e) {
            return !Files.isWritable(path);
        }
    }

    private static void narrow(Path path, Set<PosixFilePermission> permissions) {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null) return;
        try {
            if (!view.readAttributes().permissions().equals(permissions)) view.setPermissions(permissions);
        } catch (AccessDeniedException notOurs) {
            // another user's folder (a shared results folder set up on purpose) keeps its permissions
        } catch (FileSystemException readOnly) {
            // a read-only results folder can still be read; nothing can be narrowed there
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + path + " owner-only: " + reason(e), e);
        }
    }

    /** Permissions to create {@code path} with (the umask cannot widen them), where the file system has them. */
    private static FileAttribute<?>[] created(Path path, Set<PosixFilePermission> permissions) {
        Path parent = path.toAbsolutePath().getParent();
        boolean posix = Files.getFileAttributeView(parent, PosixFileAttributeView.class) != null;
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    private static String reason(IOException e) {
        return e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : String.valueOf(e.getMessage());
    }
}
