#!/bin/sh
# Whole-process start-up: `jflux run -e '1 + 1'` through the launcher, against a JVM that prints hello,
# measured in the same run with hyperfine (Debian package `hyperfine`). Build first: mvn -B -q package -DskipTests
set -eu
home=$(cd "$(dirname "$0")/.." && pwd -P)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
javac -d "$tmp" "$tmp/Hello.java"
"$home/bin/jflux" run -e '1 + 1' >/dev/null   # records the class-data-sharing archive if it is missing
hyperfine -N --warmup 5 --runs "${RUNS:-40}" --export-markdown "$tmp/startup.md" --export-json "$tmp/startup.json" \
  "java -Xshare:auto -cp $tmp Hello" \
  "$home/bin/jflux run -e '1 + 1'"
cat "$tmp/startup.md"
python3 - "$tmp/startup.json" <<'PY'
import json, statistics, sys
rows = json.load(open(sys.argv[1]))["results"]
base = statistics.median(rows[0]["times"])
for r in rows:
    m = statistics.median(r["times"])
    print(f"median {m * 1000:7.1f} ms  ({m / base:.2f}x hello)  {r['command']}")
PY
