package org.awardinghub.api.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content read as it is streamed to a reader, hashed on the way: at its end the hash must be its address, or the read
 * fails there, so that a file damaged on disk is never delivered whole (the download breaks off, and the log says
 * which file). It costs no read of its own: the bytes are hashed once, as they pass.
 */
final class HashCheckedStream extends FilterInputStream {

    private static final Logger LOG = LoggerFactory.getLogger(HashCheckedStream.class);

    private final String sha256;
    private final String where;
    private final MessageDigest digest = FileStore.digest();
    private boolean checked;

    HashCheckedStream(InputStream content, String sha256, String where) {
        super(content);
        this.sha256 = sha256;
        this.where = where;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            check();
        } else {
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            check();
        } else {
            digest.update(buffer, offset, n);
        }
        return n;
    }

    /** Skipped bytes are read all the same: each of them counts in the hash. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int limit) {}

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    private void check() throws IOException {
        if (checked) {
            return;
        }
        checked = true;
        String read = HexFormat.of().formatHex(digest.digest());
        if (!read.equals(sha256)) {
            DamagedRead damaged = new DamagedRead(new FileStore.DamagedContent(sha256, where));
            LOG.error("{}: it hashes to {}; restore the file from a backup", damaged.getMessage(), read);
            throw damaged;
        }
    }

    /** The read's failure, carrying what is wrong. */
    static final class DamagedRead extends IOException {
        DamagedRead(FileStore.DamagedContent cause) {
            super(cause.getMessage(), cause);
        }
    }
}
