package io.jflux.io;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Splits UTF-8 CSV text into records, one at a time, as Go's {@code encoding/csv} reader does with lazy quotes
 * (the reader InfluxDB and Flux use): cells are separated by commas; a cell that starts with {@code "} is quoted
 * and may hold commas, doubled quotes and line breaks; a quote inside an unquoted cell, or a quote in a quoted
 * cell that is not followed by a comma or the end of the line, is an ordinary character; {@code \r\n} ends a line
 * as {@code \n} does, also inside quotes, where it becomes {@code \n}; empty lines are skipped. A UTF-8 byte order
 * mark at the start is skipped. Two departures, both for text Go would misread: a quoted cell still open at the
 * end of the input is an error, and a line of only spaces and tabs is skipped like an empty one.
 *
 * <p>The record is kept in one reused buffer: cell {@code i} is the bytes {@code [start(i), end(i))} of
 * {@link #bytes()}. A record may be pushed back once ({@link #unread}) so the next {@link #next} returns it again.
 */
final class CsvScanner implements AutoCloseable {

    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean bomChecked;
    /** The line number of the next byte to read. */
    private int line = 1;

    private byte[] rec = new byte[256];
    private int recLen;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int count;
    private int recordLine;
    private boolean pushedBack;
    private boolean quoted;

    /** Reads {@code in}, which it owns; nothing is read before the first {@link #next}. */
    CsvScanner(InputStream in) {
        this.in = in;
    }

    private void fill() {
        if (eof) {
            return;
        }
        try {
            // keep reading until at least a few bytes are there, so the byte order mark check sees them
            pos = 0;
            limit = 0;
            while (limit < 3) {
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    eof = limit == 0;
                    return;
                }
                limit += n;
            }
            if (!bomChecked) {
                bomChecked = true;
                if ((buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
                    pos = 3;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next byte, or -1 at the end of the input. */
    private int read() {
        if (pos == limit) {
            fill();
            if (pos == limit) {
                return -1;
            }
        }
        return buf[pos++] & 0xFF;
    }

    private int peek() {
        if (pos == limit) {
            fill();
            if (pos == limit) {
                return -1;
            }
        }
        return buf[pos] & 0xFF;
    }

    private void append(int b) {
        if (recLen == rec.length) {
            rec = java.util.Arrays.copyOf(rec, rec.length * 2);
        }
        rec[recLen++] = (byte) b;
    }

    private void endCell(int start) {
        if (count == starts.length) {
            starts = java.util.Arrays.copyOf(starts, count * 2);
            ends = java.util.Arrays.copyOf(ends, count * 2);
        }
        starts[count] = start;
        ends[count] = recLen;
        count++;
    }

    /** Pushes the current record back: the next {@link #next} returns it again. */
    void unread() {
        pushedBack = true;
    }

    /**
     * Reads the next record.
     *
     * @return false at the end of the input
     * @throws FluxException when a quoted cell is not closed
     */
    boolean next() {
        if (pushedBack) {
            pushedBack = false;
            return true;
        }
        while (true) {
            if (peek() < 0) {
                return false;
            }
            recordLine = line;
            readRecord();
            if (!blank()) {
                return true;
            }
        }
    }

    private void readRecord() {
        recLen = 0;
        count = 0;
        quoted = false;
        while (true) {
            int start = recLen;
            boolean endOfLine;
            if (peek() == '"') {
                read();
                quoted = true;
                endOfLine = quotedCell(start);
            } else {
                endOfLine = plainCell(start);
            }
            if (endOfLine) {
                return;
            }
        }
    }

    /** Reads an unquoted cell up to a comma or the end of the line; true at the end of the line. */
    private boolean plainCell(int start) {
        while (true) {
            int b = read();
            if (b < 0) {
                endCell(start);
                return true;
            }
            if (b == ',') {
                endCell(start);
                return false;
            }
            if (b == '\n') {
                line++;
                endCell(start);
                return true;
            }
            if (b == '\r') {
                int n = peek();
                if (n == '\n') {
                    read();
                    line++;
                    endCell(start);
                    return true;
                }
                if (n < 0) {
                    endCell(start);
                    return true;
                }
            }
            append(b);
        }
    }

    /** Reads a quoted cell after its opening quote; true when the line ends after it. */
    private boolean quotedCell(int start) {
        while (true) {
            int b = read();
            if (b < 0) {
                throw new FluxException(ErrorCode.INVALID, "csv line " + recordLine + ": a quoted cell is not closed");
            }
            if (b == '"') {
                int n = peek();
                if (n == '"') {
                    read();
                    append('"');
                } else if (n == ',') {
                    read();
                    endCell(start);
                    return false;
                } else if (n == '\n') {
                    read();
                    line++;
                    endCell(start);
                    return true;
                } else if (n < 0) {
                    endCell(start);
                    return true;
                } else if (n == '\r') {
                    read();
                    int m = peek();
                    if (m == '\n' || m < 0) {
                        if (m == '\n') {
                            read();
                            line++;
                        }
                        endCell(start);
                        return true;
                    }
                    append('"');
                    append('\r');
                } else {
                    append('"');
                }
            } else if (b == '\r' && peek() == '\n') {
                read();
                line++;
                append('\n');
            } else {
                if (b == '\n') {
                    line++;
                }
                append(b);
            }
        }
    }

    /** A record of one unquoted cell holding only spaces and tabs, or nothing (an empty line). */
    private boolean blank() {
        if (count != 1 || quoted) {
            return false;
        }
        for (int i = 0; i < recLen; i++) {
            if (rec[i] != ' ' && rec[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The number of cells of the current record. */
    int count() {
        return count;
    }

    /** The line on which the current record starts. */
    int line() {
        return recordLine;
    }

    byte[] bytes() {
        return rec;
    }

    int start(int cell) {
        return starts[cell];
    }

    int end(int cell) {
        return ends[cell];
    }

    boolean isEmpty(int cell) {
        return starts[cell] == ends[cell];
    }

    String cell(int i) {
        return new String(rec, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
    }

    /** Whether cell {@code i} holds exactly {@code utf8}. */
    boolean cellEquals(int i, byte[] utf8) {
        int s = starts[i];
        int n = ends[i] - s;
        if (n != utf8.length) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (rec[s + k] != utf8[k]) {
                return false;
            }
        }
        return true;
    }

    byte[] cellBytes(int i) {
        return java.util.Arrays.copyOfRange(rec, starts[i], ends[i]);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
