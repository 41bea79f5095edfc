package org.awardinghub.api.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's files: one file per content, {@code files/ab/cd/<sha256>} under the data directory (the
 * first two pairs of hex digits as folders, so that no folder holds more than a few hundred entries), readable by the
 * server's user only. A content is written whole or not at all: to {@code files/tmp/} first, forced to the disk, read
 * back and hashed (what was written must hash to the address), then moved into place in one step and the folder
 * forced too, so that a file the store named in an event survives a crash that follows. {@code files/tmp/} is emptied
 * at start-up of what a crash left there. A read is hashed as it streams ({@link HashCheckedStream}).
 */
final class DirectoryFileStore implements FileStore {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryFileStore.class);
    static final String FOLDER = "files";
    private static final String TEMPORARY = "tmp";

    private final Path root;
    private final Path temporary;

    DirectoryFileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.temporary = this.root.resolve(TEMPORARY);
        try {
            createOwnersOnly(this.root);
            createOwnersOnly(temporary);
            emptyTemporary();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use " + this.root + " for the uploaded files", e);
        }
    }

    @Override
    public StoredContent store(byte[] bytes) {
        String sha256 = FileStore.sha256(bytes);
        Path target = pathOf(sha256);
        try {
            if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
                return new StoredContent(sha256, bytes.length);
            }
            Path folder = target.getParent();
            boolean newFolders = !Files.isDirectory(folder);
            if (newFolders) {
                createOwnersOnly(folder);
            }
            Path written = Files.createTempFile(temporary, sha256, ".part"); // the owner's only, on POSIX
            try {
                try (FileChannel channel = FileChannel.open(written, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                String read = hashOf(written);
                if (!read.equals(sha256)) {
                    throw new IOException("What was written hashes to " + read + ", not to " + sha256);
                }
                try {
                    Files.move(written, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(written, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(written);
            }
            force(folder);
            if (newFolders) {
                force(folder.getParent());
                force(root);
            }
            return new StoredContent(sha256, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the file " + sha256 + " in " + root, e);
        }
    }

    @Override
    public boolean exists(String sha256) {
        return FileStore.isAddress(sha256) && Files.isRegularFile(pathOf(sha256));
    }

    @Override
    public Optional<InputStream> open(String sha256) {
        if (!exists(sha256)) {
            return Optional.empty();
        }
        Path file = pathOf(sha256);
        try {
            return Optional.of(new HashCheckedStream(Files.newInputStream(file), sha256, "in " + file));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the file " + file, e);
        }
    }

    @Override
    public String describe() {
        return "the folder " + root;
    }

    /** {@code ab/cd/abcd...}: the address alone names the file, and only a SHA-256 in hex gets here. */
    Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }

    private static String hashOf(Path file) throws IOException {
        var digest = FileStore.digest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private void emptyTemporary() throws IOException {
        try (DirectoryStream<Path> left = Files.newDirectoryStream(temporary)) {
            for (Path part : left) {
                LOG.info("Deleting {}, left half-written by an earlier stop", part);
                Files.deleteIfExists(part);
            }
        }
    }

    private static void createOwnersOnly(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(
                    folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(folder);
        }
    }

    /** Makes a folder's entries durable; where the system cannot open a folder for that (Windows), it does nothing. */
    private static void force(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot force the folder {}: {}", folder, e.toString());
        }
    }
}
