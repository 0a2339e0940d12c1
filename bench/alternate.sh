#!/bin/bash
# Runs a Flux script with two or more jflux builds in turn and prints each build's median wall time.
# A machine whose speed drifts over minutes (a shared VM) is compared fairly only run against run.
#   bench/alternate.sh RUNS SCRIPT HOME...
# HOME is a directory holding bin/jflux and target/jflux.jar (a checkout, or a copy of those two files).
# Example: keep the current build as /tmp/base (mkdir -p /tmp/base/bin /tmp/base/target; cp bin/jflux
# /tmp/base/bin; cp target/jflux.jar /tmp/base/target), rebuild, then
#   bench/alternate.sh 9 /tmp/scrape-count.flux /tmp/base .
set -euo pipefail
runs=$1
script=$2
shift 2
declare -A times
for home in "$@"; do
  "$home/bin/jflux" run -e '1' > /dev/null   # records the class-data archive before timing
done
for _ in $(seq "$runs"); do
  for home in "$@"; do
    t=$( { /usr/bin/time -f '%e' "$home/bin/jflux" run "$script" > /dev/null; } 2>&1 | tail -1)
    times[$home]="${times[$home]:-} $t"
  done
done
for home in "$@"; do
  sorted=$(echo ${times[$home]} | tr ' ' '\n' | sort -n)
  n=$(echo "$sorted" | wc -l)
  median=$(echo "$sorted" | sed -n "$(( (n + 1) / 2 ))p")
  echo "$home: median ${median} s of $n (${times[$home]# })"
done
