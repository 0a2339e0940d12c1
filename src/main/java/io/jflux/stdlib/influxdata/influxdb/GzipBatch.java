package io.jflux.stdlib.influxdata.influxdb;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip request body built while line protocol is written to it: the bytes the encoder hands over are deflated
 * at once (level 1, {@link Deflater#BEST_SPEED}: a write path trades some ratio for CPU) straight into a byte
 * array, with the gzip header and trailer (RFC 1952) around them. One {@link Deflater} serves every batch; {@link
 * #finish} hands the finished body over and starts the next in a buffer the caller gives back when it is done
 * with the previous one.
 */
final class GzipBatch extends OutputStream {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    /** A finished body: {@code bytes[0, length)}. */
    record Body(byte[] bytes, int length) {}

    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    private final CRC32 crc = new CRC32();
    private byte[] buf;
    private int len;
    private long inputBytes;

    GzipBatch(byte[] buffer) {
        start(buffer);
    }

    private void start(byte[] buffer) {
        buf = buffer.length >= 64 ? buffer : new byte[1 << 16];
        System.arraycopy(HEADER, 0, buf, 0, HEADER.length);
        len = HEADER.length;
        inputBytes = 0;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int n) {
        crc.update(b, off, n);
        inputBytes += n;
        deflater.setInput(b, off, n);
        while (!deflater.needsInput()) {
            drain();
        }
    }

    private void drain() {
        if (len == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        len += deflater.deflate(buf, len, buf.length - len);
    }

    /** The uncompressed bytes written since the last {@link #finish}. */
    long inputBytes() {
        return inputBytes;
    }

    /** Ends the current body and returns it; the next one is built in {@code next} (grown as needed). */
    Body finish(byte[] next) {
        deflater.finish();
        while (!deflater.finished()) {
            drain();
        }
        if (len + 8 > buf.length) {
            buf = Arrays.copyOf(buf, len + 8);
        }
        int c = (int) crc.getValue();
        for (int i = 0; i < 4; i++) {
            buf[len + i] = (byte) (c >>> (8 * i));
            buf[len + 4 + i] = (byte) (inputBytes >>> (8 * i));
        }
        Body body = new Body(buf, len + 8);
        deflater.reset();
        crc.reset();
        start(next);
        return body;
    }

    /** Frees the deflater's native memory. */
    @Override
    public void close() {
        deflater.end();
    }
}
