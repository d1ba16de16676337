#!/usr/bin/env bash
# Start-up of das-connect as the user sees it: from exec (so the dynamic loader and static initialisers count)
# to its first mapped window, and its peak RSS (VmHWM) at that moment, measured from outside the process by
# bench/mapwait on an X server. The yardstick is bench/bare_form, a plain Qt form of ten line edits on the
# same server. N runs each of: the bare form, `das-connect --demo`, and `das-connect` (normal start, empty
# HOME: the first-run question comes after the window). Prints the medians, the ratios against the targets
# (time <= 1.3x, memory <= 1.4x the bare form) with PASS/FAIL, and a breakdown of one extra run of each with
# DAS_STARTUP_TIMING=1 (ms since exec: loader, QApplication, fonts, translations, window construction,
# show, first paint, and the start-up done after it).
# Usage: bench/startup.sh [N=15] [build-dir=build]. Uses $DISPLAY if set, else a private Xvfb; DAS_CONNECT_BIN
# times another das-connect binary (e.g. a copy of an earlier build) against the same yardstick.
set -euo pipefail
n=${1:-15}
build=${2:-build}
mapwait=$build/bench/mapwait
bare=$build/bench/bare_form
app=${DAS_CONNECT_BIN:-$build/src/app/das-connect}
for f in "$mapwait" "$bare" "$app"; do
    [ -x "$f" ] || { echo "missing $f: ninja -C $build mapwait bare_form das-connect" >&2; exit 1; }
done

work=$(mktemp -d)
xvfb=
cleanup() {
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ]; then
    for d in $(seq 90 120); do
        [ -e "/tmp/.X11-unix/X$d" ] || [ -e "/tmp/.X$d-lock" ] && continue
        Xvfb ":$d" -screen 0 1400x900x24 -nolisten tcp > /dev/null 2>&1 &
        xvfb=$!
        export DISPLAY=:$d
        break
    done
    for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X${DISPLAY#:}" ] && break; sleep 0.05; done
fi

# Each run of the app gets an empty HOME: no settings, no history, no profiles (a first start).
fresh_home() {
    local h
    h=$(mktemp -d "$work/home.XXXXXX")
    mkdir -m 0700 "$h/run"
    echo "HOME=$h XDG_CONFIG_HOME=$h/config XDG_DATA_HOME=$h/data XDG_CACHE_HOME=$h/cache XDG_RUNTIME_DIR=$h/run"
}
unset HUAWEICLOUD_SDK_AK HUAWEICLOUD_SDK_SK HUAWEICLOUD_SDK_SECURITY_TOKEN

# One measured run: "<map_us> <vmhwm_kib>"
measure() {
    # shellcheck disable=SC2046 # the variables are split on purpose
    env $(fresh_home) "$mapwait" "$@" 2> /dev/null | sed -n 's/^map_us=\([0-9]*\) vmhwm_kib=\([0-9]*\)$/\1 \2/p'
}

# median of column $1 of stdin
median() { sort -n -k"$1","$1" | awk -v c="$1" '{ v[NR] = $c } END { if (NR) print v[int((NR + 1) / 2)]; else print 0 }'; }

declare -A ms kib
cases=(bare demo normal)
declare -A cmd=([bare]="$bare" [demo]="$app --demo" [normal]="$app")
declare -A label=([bare]="bare Qt form (10 line edits)" [demo]="das-connect --demo" [normal]="das-connect (normal start)")
for c in "${cases[@]}"; do
    # shellcheck disable=SC2086
    measure ${cmd[$c]} > /dev/null || true # warm the page cache once, like a second launch
done
for c in "${cases[@]}"; do
    : > "$work/$c"
done
# Interleaved, so that a busy moment of the machine does not fall on one case only.
for _ in $(seq "$n"); do
    for c in "${cases[@]}"; do
        # shellcheck disable=SC2086
        measure ${cmd[$c]} >> "$work/$c" || true
    done
done
for c in "${cases[@]}"; do
    runs=$(wc -l < "$work/$c")
    [ "$runs" -gt 0 ] || { echo "${label[$c]}: no window mapped" >&2; exit 1; }
    ms[$c]=$(median 1 < "$work/$c")
    kib[$c]=$(median 2 < "$work/$c")
done

echo "Start-up, exec to first mapped window (X server $DISPLAY), median of $n runs each:"
for c in "${cases[@]}"; do
    printf '  %-32s %6.1f ms   peak RSS %5.1f MiB\n' "${label[$c]}" "$(echo "${ms[$c]} / 1000" | bc -l)" \
        "$(echo "${kib[$c]} / 1024" | bc -l)"
done
echo "Against the bare form (targets: time <= 1.3x, memory <= 1.4x):"
status=0
for c in demo normal; do
    rt=$(echo "${ms[$c]} / ${ms[bare]}" | bc -l)
    rm=$(echo "${kib[$c]} / ${kib[bare]}" | bc -l)
    pt=$(echo "$rt <= 1.3" | bc -l)
    pm=$(echo "$rm <= 1.4" | bc -l)
    [ "$pt" = 1 ] && [ "$pm" = 1 ] || status=1
    printf '  %-32s time x%.2f %s   memory x%.2f %s\n' "${label[$c]}" "$rt" "$([ "$pt" = 1 ] && echo PASS || echo FAIL)" \
        "$rm" "$([ "$pm" = 1 ] && echo PASS || echo FAIL)"
done

echo "Where the time goes (one run each, DAS_STARTUP_TIMING=1, ms since exec):"
for c in "${cases[@]}"; do
    echo "  ${label[$c]}:"
    # shellcheck disable=SC2046,SC2086
    env $(fresh_home) DAS_STARTUP_TIMING=1 "$mapwait" --linger-ms 1500 ${cmd[$c]} 2>&1 |
        sed -n -e 's/^startup: /    /p' -e 's/^map_us=\([0-9]*\) vmhwm_kib=\([0-9]*\)$/    mapped (MapNotify) at \1 us, peak RSS \2 KiB/p'
done
exit "$status"
