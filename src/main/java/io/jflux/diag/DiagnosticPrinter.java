package io.jflux.diag;

import io.jflux.syntax.Span;

/** Renders diagnostics as text: the headline, then the source line with a caret under the span. */
public final class DiagnosticPrinter {

    private DiagnosticPrinter() {}

    public static String render(FluxException e, String source) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : e.diagnostics()) {
            render(out, d, source);
        }
        return out.toString();
    }

    public static void render(StringBuilder out, Diagnostic d, String source) {
        out.append(d.headline()).append('\n');
        Span s = d.span();
        if (source == null || s == null || s.startLine() <= 0) {
            return;
        }
        String line = lineOf(source, s.startLine());
        if (line == null) {
            return;
        }
        String number = Integer.toString(s.startLine());
        String gutter = " ".repeat(number.length());
        out.append(' ').append(number).append(" | ").append(line).append('\n');
        out.append(' ').append(gutter).append(" | ");
        int start = Math.max(1, s.startColumn());
        int end = s.endLine() == s.startLine() ? Math.max(start + 1, s.endColumn()) : line.length() + 1;
        end = Math.min(end, Math.max(start + 1, line.length() + 1));
        for (int i = 1; i < start; i++) {
            out.append(i - 1 < line.length() && line.charAt(i - 1) == '\t' ? '\t' : ' ');
        }
        out.append("^".repeat(end - start)).append('\n');
    }

    private static String lineOf(String source, int lineNumber) {
        int line = 1;
        int start = 0;
        while (line < lineNumber) {
            int nl = source.indexOf('\n', start);
            if (nl < 0) {
                return null;
            }
            start = nl + 1;
            line++;
        }
        int end = source.indexOf('\n', start);
        String text = end < 0 ? source.substring(start) : source.substring(start, end);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
