#!/usr/bin/env bash
# Cold start of das-connect to its first exposed window, and peak RSS, over N runs on the sandbox.
# Uses Xvfb when there is no display; prints the median and the extremes.
# Usage: bench/startup.sh [N] [build-dir]
set -euo pipefail
n=${1:-10}
build=${2:-build}
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config XDG_RUNTIME_DIR=$home/run
mkdir -m 0700 -p "$XDG_RUNTIME_DIR"

run() {
    if [ -n "${DISPLAY:-}" ]; then
        "$build/src/app/das-connect" --demo --quit-after-show
    else
        xvfb-run -a -s "-screen 0 1400x900x24" "$build/src/app/das-connect" --demo --quit-after-show
    fi
}

run > /dev/null 2>&1 || true # warm the page cache once, like a second launch
for _ in $(seq "$n"); do
    run 2>/dev/null | sed -n 's/first window shown after \([0-9]*\) ms (exposed: yes), peak RSS \([0-9]*\) KiB/\1 \2/p'
done | sort -n | awk '
    { ms[NR] = $1; rss[NR] = $2; if ($2 > maxrss) maxrss = $2 }
    END {
        if (NR == 0) { print "no exposed window measured"; exit 1 }
        printf "start to first shown window (main() entry, Xvfb): median %d ms, min %d ms, max %d ms over %d runs\n",
            ms[int((NR + 1) / 2)], ms[1], ms[NR], NR
        printf "peak RSS at first show: max %.1f MiB\n", maxrss / 1024
    }'
