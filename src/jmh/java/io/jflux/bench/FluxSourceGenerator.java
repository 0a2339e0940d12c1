package io.jflux.bench;

/** A large, realistic Flux script made of numbered copies of typical statements. */
public final class FluxSourceGenerator {

    private FluxSourceGenerator() {}

    public static String generate(int blocks) {
        StringBuilder sb = new StringBuilder(blocks * 700);
        sb.append("package main\n\nimport \"strings\"\nimport \"regexp\"\nimport m \"math\"\n\n");
        sb.append("option task = {name: \"bench\", every: 1h, offset: 5m}\n\n");
        for (int i = 0; i < blocks; i++) {
            sb.append("// block ").append(i).append(": a pipeline, a function and some values\n");
            sb.append("data").append(i).append(" = from(bucket: \"telegraf/autogen\")\n")
              .append("    |> range(start: -1h30m, stop: now())\n")
              .append("    |> filter(fn: (r) => r._measurement == \"cpu\" and r._field =~ /usage_(user|system)/ ")
              .append("and r.host != \"host").append(i).append("\")\n")
              .append("    |> aggregateWindow(every: 5m, fn: mean, createEmpty: false)\n")
              .append("    |> map(fn: (r) => ({r with _value: r._value * 100.0 / float(v: ").append(i)
              .append(" + 1), label: \"cpu ${r.host} #").append(i).append("\"}))\n");
            sb.append("scale").append(i).append(" = (tables=<-, factor=2.5, offset=-1) => {\n")
              .append("    k = factor * m.pi + ").append(i).append(".0\n")
              .append("    return tables |> map(fn: (r) => ({r with _value: r._value * k - float(v: offset)}))\n")
              .append("}\n");
            sb.append("rec").append(i).append(" = {a: ").append(i).append(", \"b c\": [1, 2, 3], d: [\"k\": 2021-01-01T00:00:00Z],")
              .append(" e: if ").append(i).append(" % 2 == 0 then \"even\" else \"odd\"}\n");
            sb.append("s").append(i).append(" = strings.toUpper(v: \"value ${rec").append(i)
              .append(".a} of ${\"nested ${").append(i).append("}\"}\")\n\n");
        }
        return sb.toString();
    }
}
