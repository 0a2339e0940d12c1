#!/usr/bin/env python3
"""Runs a command and prints its wall time and the CPU time of its threads, summed by thread name.

    bench/threads.py bin/jflux run /tmp/scrape-count.flux

Reads /proc/PID/task/*/stat every 10 ms while the command runs and keeps each thread's last reading, so a thread
that ends between two readings loses at most 10 ms. Digits in names are replaced by N, so a pool's threads add
up ("jflux-scrape-N"); the JVM's main thread is the one named "java". The command's output goes to /dev/null.
Works where the command execs the JVM in its own process (bin/jflux does).
"""
import collections
import os
import re
import subprocess
import sys
import time

TICK_MS = 1000 // os.sysconf("SC_CLK_TCK")


def main():
    p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
    last = {}
    start = time.time()
    while p.poll() is None:
        try:
            tids = os.listdir("/proc/%d/task" % p.pid)
        except OSError:
            break
        for tid in tids:
            try:
                with open("/proc/%d/task/%s/stat" % (p.pid, tid)) as f:
                    stat = f.read()
            except OSError:
                continue
            name = stat[stat.index("(") + 1:stat.rindex(")")]
            fields = stat[stat.rindex(")") + 2:].split()
            last[tid] = (name, int(fields[11]), int(fields[12]))  # utime, stime in ticks
        time.sleep(0.01)
    wall = time.time() - start
    by_name = collections.defaultdict(lambda: [0, 0])
    for name, user, system in last.values():
        key = re.sub(r"\d+", "N", name)
        by_name[key][0] += user * TICK_MS
        by_name[key][1] += system * TICK_MS
    print("wall %.2f" % wall)
    for name, (user, system) in sorted(by_name.items(), key=lambda kv: -sum(kv[1]))[:12]:
        print("%-18s %5d ms user %5d ms sys" % (name, user, system))
    sys.exit(p.returncode)


if __name__ == "__main__":
    main()
