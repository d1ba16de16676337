#!/usr/bin/env bash
# Times N sequential `das-connect-cli create` runs against a fresh das-sandbox on 127.0.0.1.
# Usage: bench/create-loop.sh [N] [build-dir]   (default N=100, build-dir=build)
set -euo pipefail
n=${1:-100}
build=${2:-build}
home=$(mktemp -d)
trap 'kill "$sandbox_pid" 2>/dev/null || true; rm -rf "$home"' EXIT

"$build/src/sandbox/das-sandbox" > "$home/sandbox.log" &
sandbox_pid=$!
for _ in $(seq 100); do grep -q 'listening on' "$home/sandbox.log" 2>/dev/null && break; sleep 0.05; done
url=$(sed -n 's/.*listening on \([^ ]*\).*/\1/p' "$home/sandbox.log")

export HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config
export HUAWEICLOUD_SDK_AK=DASSANDBOXDEMOAK0001 HUAWEICLOUD_SDK_SK=sandbox-demo-secret-key-do-not-use-in-production

times=()
start=$(date +%s%N)
for i in $(seq "$n"); do
    t0=$(date +%s%N)
    printf 'Gauss_2345\n' | "$build/src/cli/das-connect-cli" create \
        --project-id 052041494800d57c2f02c00275b4c247 --instance-id bcfa975193f1402fa11a6d4fd6baf5fbin01 \
        --engine-type mysql --network-type rds --username root --password-stdin --if-exists create \
        --remarks "bench $i" --endpoint "$url" > /dev/null
    times+=($(( ($(date +%s%N) - t0) / 1000 )))
done
total_us=$(( ($(date +%s%N) - start) / 1000 ))
rows=$("$build/src/cli/das-connect-cli" history --json | grep -c '"connection_id"')

printf '%s\n' "${times[@]}" | sort -n | awk -v n="$n" -v total="$total_us" -v rows="$rows" '
    { t[NR] = $1 }
    END {
        printf "CLI creates: %d sequential in %.2f s (%.1f/s), history rows %d\n", n, total / 1e6, n / (total / 1e6), rows
        printf "per create (process start + sign + HTTP + SQLite commit), ms: p50 %.1f  p95 %.1f  max %.1f\n",
            t[int(n * 0.50) + 1] / 1000, t[int(n * 0.95) < n ? int(n * 0.95) + 1 : n] / 1000, t[n] / 1000
    }'
