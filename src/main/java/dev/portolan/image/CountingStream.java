package dev.portolan.image;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts what is read, reports it about every megabyte, and stops when cancelled. */
final class CountingStream extends FilterInputStream {

    private static final long REPORT_EVERY = 1 << 20;

    private final TransferProgress progress;
    private final long expected;
    private long count;
    private long reported;

    CountingStream(InputStream in, long expected, TransferProgress progress) {
        super(in);
        this.expected = expected;
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) counted(1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) counted(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) counted(skipped);
        return skipped;
    }

    private void counted(long n) {
        count += n;
        if (count - reported >= REPORT_EVERY) {
            reported = count;
            progress.checkCancelled();
            progress.transferred(count, expected);
        }
    }

    long count() {
        return count;
    }
}
