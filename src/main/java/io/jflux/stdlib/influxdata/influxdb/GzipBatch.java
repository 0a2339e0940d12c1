package io.jflux.stdlib.influxdata.influxdb;

import io.jflux.io.FastDeflate;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * A gzip request body (RFC 1952) for one batch of line protocol: the encoder writes the batch's text here, and
 * {@link #finish} compresses it with {@link FastDeflate} (about twice as fast as {@code java.util.zip.Deflater} at
 * its fastest level, and smaller, on line protocol; on a machine that also runs the database the CPU this saves
 * is the server's) into a buffer the caller gives, with the gzip header and trailer around it. The text buffer and
 * the compressor serve every batch.
 */
final class GzipBatch extends OutputStream {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    /** A finished body: {@code bytes[0, length)}. */
    record Body(byte[] bytes, int length) {}

    private final FastDeflate deflate = new FastDeflate();
    private final CRC32 crc = new CRC32();
    private byte[] text = new byte[1 << 18];
    private int len;

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int n) {
        if (len + n > text.length) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, len + n));
        }
        System.arraycopy(b, off, text, len, n);
        len += n;
    }

    /** Compresses the text written since the last call into {@code into} (grown as needed) and starts anew. */
    Body finish(byte[] into) {
        byte[] out = into.length >= HEADER.length ? into : new byte[1 << 16];
        System.arraycopy(HEADER, 0, out, 0, HEADER.length);
        out = deflate.compress(text, len, out, HEADER.length);
        int end = deflate.length();
        if (end + 8 > out.length) {
            out = Arrays.copyOf(out, end + 8);
        }
        crc.reset();
        crc.update(text, 0, len);
        int c = (int) crc.getValue();
        for (int i = 0; i < 4; i++) {
            out[end + i] = (byte) (c >>> (8 * i));
            out[end + 4 + i] = (byte) (len >>> (8 * i));
        }
        len = 0;
        return new Body(out, end + 8);
    }
}
