package io.jflux.stdlib.influxdata.influxdb;

import io.jflux.diag.ErrorCode;
import io.jflux.diag.FluxException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts gzipped line protocol to one InfluxDB write URL ({@code /api/v2/write}). 429, 503 and connection
 * failures are retried a bounded number of times, waiting as {@code Retry-After} says (seconds) or else with
 * doubling backoff; any other non-2xx answer fails with the server's status and message ({@link Failed}), which
 * the caller turns into an error that also says how many points were written ({@link #failure}). Several batches
 * may be posted at once from different threads.
 */
final class WriteClient {

    /** The HTTP client every {@code to()} of one execution shares (an execution resource). */
    record Shared(HttpClient http) {
        static Shared create() {
            return new Shared(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build());
        }
    }

    static final int MAX_RETRIES = 3;
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI uri;
    private final String token;
    private final long backoffMillis;
    private final java.util.concurrent.atomic.AtomicLong pointsWritten = new java.util.concurrent.atomic.AtomicLong();

    WriteClient(HttpClient http, URI uri, String token, long backoffMillis) {
        this.http = http;
        this.uri = uri;
        this.token = token;
        this.backoffMillis = backoffMillis;
    }

    long pointsWritten() {
        return pointsWritten.get();
    }

    /** Why a batch of {@code points} points was not written (after any retries). */
    static final class Failed extends RuntimeException {
        final String why;
        final long points;

        Failed(String why, long points) {
            super(why, null, false, false);
            this.why = why;
            this.points = points;
        }
    }

    /**
     * Sends one batch of {@code points} lines ({@code gzipped}, of length {@code len}); returns when written,
     * throws {@link Failed} when it was not.
     */
    void post(byte[] gzipped, int len, long points) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "text/plain; charset=utf-8")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped, 0, len));
        if (!token.isEmpty()) {
            b.header("Authorization", "Token " + token);
        }
        HttpRequest req = b.build();
        for (int attempt = 0; ; attempt++) {
            String retryWhy;
            long wait = backoffMillis << attempt;
            try {
                HttpResponse<byte[]> resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                int status = resp.statusCode();
                if (status >= 200 && status <= 299) {
                    pointsWritten.addAndGet(points);
                    return;
                }
                String message = message(resp.body());
                if (status != 429 && status != 503) {
                    throw new Failed("HTTP " + status + (message.isEmpty() ? "" : ": " + message), points);
                }
                retryWhy = "HTTP " + status + (message.isEmpty() ? "" : ": " + message);
                String after = resp.headers().firstValue("Retry-After").orElse("").strip();
                if (after.matches("\\d{1,6}")) {
                    wait = Long.parseLong(after) * 1000;
                }
            } catch (java.net.ConnectException e) {
                retryWhy = "cannot connect (connection refused or host unreachable)";
            } catch (java.net.http.HttpTimeoutException e) {
                retryWhy = "no answer in time";
            } catch (IOException e) {
                retryWhy = "request failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failed("interrupted", points);
            }
            if (attempt >= MAX_RETRIES) {
                throw new Failed(retryWhy + " (after " + (MAX_RETRIES + 1) + " attempts)", points);
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failed("interrupted", points);
            }
        }
    }

    /**
     * The error for the first batch that failed, once no request is in flight: {@code sentAfter} points of
     * batches sent after it (concurrently) were written too, {@code otherNotWritten} points of other batches in
     * flight were not (they failed too, or were not sent once the failure was known).
     */
    FluxException failure(Failed f, long sentAfter, long otherNotWritten) {
        long written = pointsWritten.get();
        String was = written == 1 ? " point was" : " points were";
        String tail = (sentAfter == 0 && otherNotWritten == 0
                ? written + was + " written before it"
                : written + was + " written (" + sentAfter + " of them in requests sent after it)")
                + "; not written: the failed batch of " + f.points + (f.points == 1 ? " point" : " points")
                + (otherNotWritten == 0 ? "" : ", " + otherNotWritten + " points of other batches in flight")
                + " and any later rows";
        return new FluxException(ErrorCode.UNAVAILABLE, "to: writing to " + uri + " failed: " + f.why + "; " + tail);
    }

    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:\\\\.|[^\"\\\\])*)\"");

    /** The {@code message} of a JSON error body (InfluxDB's and QuestDB's form), else the body's start. */
    static String message(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8).strip();
        Matcher m = MESSAGE.matcher(text);
        if (m.find()) {
            String s = m.group(1);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length()) {
                    char n = s.charAt(++i);
                    sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
                } else {
                    sb.append(c);
                }
            }
            return sb.toString().strip();
        }
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }
}
