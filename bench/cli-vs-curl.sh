#!/usr/bin/env bash
# One `das-connect-cli create` against one signed curl POST of the same body, on a fresh das-sandbox on
# 127.0.0.1 (issue 13: the CLI at most 1.3x curl), then where a CLI create spends its time.
# Usage: bench/cli-vs-curl.sh [N] [build-dir] [http|https]   (default 50 build http)
#   https: the sandbox serves TLS with a throw-away self-signed certificate (openssl), given to the CLI with
#   --ca-file and to curl with --cacert, so that both pay a real handshake.
#
# Eight processes are timed per round, interleaved so that a busy machine slows all of them alike:
#   curl          curl -K with headers signed beforehand by build/bench/sign_request (the project's own signer,
#                 a fresh X-Sdk-Date each): curl's best case, nothing to compute, one POST. Timed three times a
#                 round, once before each Qt program below that does not follow a curl already.
#   cli-create    das-connect-cli create --if-exists create: one POST, the history's pending and result rows
#                 committed (synchronous=FULL) around it. Against curl: the verdict.
#   curl-check    one curl process sending the duplicate check's GET (ListConnections, pre-signed) and then
#                 the POST (--next): curl's best case for what the CLI does by default.
#   cli-default   das-connect-cli create (the default --if-exists error): the GET, then as cli-create. Against
#                 curl-check; also shown against the single-POST curl.
#   floor-post    build/bench/create_floor: a pre-signed POST through QtNetwork and nothing else.
#   floor-commits the same with a pending row committed before the POST and settled after it (QtSql, WAL,
#                 synchronous=FULL, a one-table database).
#   floor-sqlite  as floor-commits through SQLite's C API (create_floor_sqlite), as the history writes: the
#                 least a Qt program that keeps the history rule can cost here, so the room the CLI's own
#                 work has under the target is (1.3 - its ratio) x curl.
# Every Qt program runs right after a curl, as the CLI does in use after other programs: a Qt program that
# follows another one finds Qt's libraries in the CPU's caches and starts up to 1 ms sooner.
# Wall time from the shell's $EPOCHREALTIME before the fork to after the wait: process start, dynamic loading,
# the work, the exit. Each CLI run gets a database name of its own so that the default never finds a duplicate.
# cli-create and cli-default keep separate histories: sharing one, the log's checkpoint (every fourth create,
# wal_autocheckpoint) would fall on the same one of the two every other round.
set -euo pipefail
n=${1:-50}
build=${2:-build}
scheme=${3:-http}
target=1.3
cli=${DAS_CLI:-$build/src/cli/das-connect-cli} # DAS_CLI=another/build/das-connect-cli compares builds
signer=$build/bench/sign_request
floor=$build/bench/create_floor
floor_sqlite=$build/bench/create_floor_sqlite
for binary in "$cli" "$signer" "$floor" "$floor_sqlite" "$build/src/sandbox/das-sandbox"; do
    [[ -x $binary ]] || { echo "missing $binary (ninja -C $build das-connect-cli sign_request create_floor create_floor_sqlite das-sandbox)" >&2; exit 2; }
done
command -v curl > /dev/null || { echo "curl is not installed" >&2; exit 2; }

home=$(mktemp -d)
sandbox_pid=
trap '[[ -n $sandbox_pid ]] && kill "$sandbox_pid" 2>/dev/null; rm -rf "$home"' EXIT
tls_sandbox=() tls_cli=() tls_curl=()
if [[ $scheme == https ]]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
        -keyout "$home/key.pem" -out "$home/cert.pem" 2> /dev/null
    tls_sandbox=(--tls-cert "$home/cert.pem" --tls-key "$home/key.pem")
    tls_cli=(--ca-file "$home/cert.pem")
    tls_curl=(--cacert "$home/cert.pem")
fi
"$build/src/sandbox/das-sandbox" "${tls_sandbox[@]}" > "$home/sandbox.log" &
sandbox_pid=$!
for _ in $(seq 100); do grep -q 'listening on' "$home/sandbox.log" 2>/dev/null && break; sleep 0.05; done
url=$(sed -n 's/.*listening on \([^ ]*\).*/\1/p' "$home/sandbox.log")

export HOME=$home XDG_DATA_HOME=$home/data-create XDG_CONFIG_HOME=$home/config
export HUAWEICLOUD_SDK_AK=DASSANDBOXDEMOAK0001 HUAWEICLOUD_SDK_SK=sandbox-demo-secret-key-do-not-use-in-production
project=052041494800d57c2f02c00275b4c247
instance=bcfa975193f1402fa11a6d4fd6baf5fbin01
spare_instance=0c9e8d7f6a5b4c3d2e1f0a9b8c7d6e5fin02
(umask 077 && printf 'Gauss_2345\n' > "$home/password")
mkdir -m 700 "$home/signed"

create() { # create NAME [options…]: one CLI create, stdin from the password file
    local database=$1
    shift
    "$cli" create --project-id "$project" --instance-id "$instance" --engine-type mysql --network-type rds \
        --username root --password-stdin --database-name "$database" --remarks bench --endpoint "$url" \
        "${tls_cli[@]}" "$@" < "$home/password"
}

# Warm the page cache and create the histories (their schema) before anything is timed.
for i in 1 2 3; do
    create "warm_$i" --if-exists create > /dev/null
    XDG_DATA_HOME=$home/data-default create "warm_default_$i" > /dev/null 2>&1
done
"$signer" "$url" 3 "$home/signed" "$project" "$instance" mysql rds root warm < "$home/password"
for i in 1 2 3; do
    curl -sS --fail -o /dev/null "${tls_curl[@]}" -K "$home/signed/curl-$i.cfg"
    "$floor" "$home/signed/curl-$i.cfg" > /dev/null
    "$floor" "$home/signed/curl-$i.cfg" --commits "$home/floor.sqlite" > /dev/null
    "$floor_sqlite" "$home/signed/curl-$i.cfg" --commits "$home/floor-c.sqlite" > /dev/null
done

# Signed just before the rounds (the sandbox, like DAS, refuses a stale X-Sdk-Date).
"$signer" "$url" $((2 * n)) "$home/signed" "$project" "$instance" mysql rds root curl_db < "$home/password"
# The other curl runs and the floor create on another instance, so that the duplicate check's list of the
# first instance grows as it did before they were added (the default reads it to the end).
mkdir -m 700 "$home/spare"
"$signer" "$url" $((6 * n)) "$home/spare" "$project" "$spare_instance" mysql rds root spare < "$home/password"
elapsed_us() { # elapsed_us START END ($EPOCHREALTIME values)
    echo $(( (${2/./} - ${1/./}) ))
}
: > "$home/curl" ; : > "$home/cli-create" ; : > "$home/curl-check" ; : > "$home/cli-default"
: > "$home/floor-post" ; : > "$home/floor-commits" ; : > "$home/floor-sqlite"
quiet=(-sS --fail -o /dev/null "${tls_curl[@]}")
for i in $(seq "$n"); do
    t0=$EPOCHREALTIME
    curl "${quiet[@]}" -K "$home/signed/curl-$i.cfg"
    t1=$EPOCHREALTIME
    create "create_$i" --if-exists create > /dev/null
    t2=$EPOCHREALTIME
    curl "${quiet[@]}" -K "$home/signed/list-$((n + i)).cfg" --next "${quiet[@]}" -K "$home/signed/curl-$((n + i)).cfg"
    t3=$EPOCHREALTIME
    XDG_DATA_HOME=$home/data-default create "default_$i" > /dev/null 2>&1
    t4=$EPOCHREALTIME
    curl "${quiet[@]}" -K "$home/spare/curl-$i.cfg"
    t5=$EPOCHREALTIME
    "$floor" "$home/spare/curl-$((n + i)).cfg" > /dev/null
    t6=$EPOCHREALTIME
    curl "${quiet[@]}" -K "$home/spare/curl-$((2 * n + i)).cfg"
    t7=$EPOCHREALTIME
    "$floor" "$home/spare/curl-$((3 * n + i)).cfg" --commits "$home/floor.sqlite" > /dev/null
    t8=$EPOCHREALTIME
    curl "${quiet[@]}" -K "$home/spare/curl-$((4 * n + i)).cfg"
    t9=$EPOCHREALTIME
    "$floor_sqlite" "$home/spare/curl-$((5 * n + i)).cfg" --commits "$home/floor-c.sqlite" > /dev/null
    t10=$EPOCHREALTIME
    elapsed_us "$t0" "$t1" >> "$home/curl"
    elapsed_us "$t1" "$t2" >> "$home/cli-create"
    elapsed_us "$t2" "$t3" >> "$home/curl-check"
    elapsed_us "$t3" "$t4" >> "$home/cli-default"
    elapsed_us "$t4" "$t5" >> "$home/curl"
    elapsed_us "$t5" "$t6" >> "$home/floor-post"
    elapsed_us "$t6" "$t7" >> "$home/curl"
    elapsed_us "$t7" "$t8" >> "$home/floor-commits"
    elapsed_us "$t8" "$t9" >> "$home/curl"
    elapsed_us "$t9" "$t10" >> "$home/floor-sqlite"
done
rows=0
for history in data-create data-default; do
    rows=$((rows + $(XDG_DATA_HOME=$home/$history "$cli" history --json | grep -c '"state": "created"' || true)))
done

stats() { # stats FILE: "median p95" in ms
    sort -n "$1" | awk '{ t[NR] = $1 } END { p95 = int(NR * 0.95 + 0.999); printf "%.2f %.2f", t[int((NR + 1) / 2)] / 1000, t[p95] / 1000 }'
}
read -r curl_med curl_p95 <<< "$(stats "$home/curl")"
read -r create_med create_p95 <<< "$(stats "$home/cli-create")"
read -r check_med check_p95 <<< "$(stats "$home/curl-check")"
read -r default_med default_p95 <<< "$(stats "$home/cli-default")"
read -r post_med post_p95 <<< "$(stats "$home/floor-post")"
read -r commits_med commits_p95 <<< "$(stats "$home/floor-commits")"
read -r direct_med direct_p95 <<< "$(stats "$home/floor-sqlite")"
echo "das-connect-cli create vs signed curl POST, $n interleaved rounds on $url ($rows history rows created)"
printf '  %-44s median %7.2f ms   p95 %7.2f ms\n' "curl, pre-signed POST ($((4 * n)) runs)" "$curl_med" "$curl_p95" \
    "das-connect-cli create --if-exists create" "$create_med" "$create_p95" \
    "curl, pre-signed GET + POST (one process)" "$check_med" "$check_p95" \
    "das-connect-cli create (default: GET + POST)" "$default_med" "$default_p95" \
    "floor: Qt, the pre-signed POST only" "$post_med" "$post_p95" \
    "floor: Qt, POST + pending and result commits" "$commits_med" "$commits_p95" \
    "floor: the same, SQLite without QtSql" "$direct_med" "$direct_p95"
verdict() { awk -v a="$1" -v b="$2" -v t="$target" 'BEGIN { r = a / b; printf "%.2fx %s", r, (r <= t ? "PASS" : "FAIL") }'; }
echo "  ratio, median, --if-exists create / curl POST: $(verdict "$create_med" "$curl_med") (target <= ${target}x)"
echo "  ratio, median, default / curl GET + POST:      $(verdict "$default_med" "$check_med") (target <= ${target}x)"
echo "  ratio, median, default / curl POST:            $(verdict "$default_med" "$curl_med") (two requests against one)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
echo "  floor, median: Qt POST only / curl POST $(ratio "$post_med" "$curl_med"); with the two commits" \
    "$(ratio "$direct_med" "$curl_med") (through QtSql $(ratio "$commits_med" "$curl_med")): the CLI's own" \
    "work may take $(awk -v c="$curl_med" -v f="$direct_med" -v t="$target" 'BEGIN { printf "%.2f", t * c - f }') ms" \
    "under the target, takes $(awk -v a="$create_med" -v f="$direct_med" 'BEGIN { printf "%.2f", a - f }') ms"

# Where one create spends its time: the CLI's own phase marks (DAS_CLI_TIMING), median over 15 runs each.
breakdown() { # breakdown LABEL [options…]
    local label=$1
    shift
    : > "$home/phases"
    for i in $(seq 15); do
        local t0=$EPOCHREALTIME
        DAS_CLI_TIMING=$t0 create "timing_${label}_$i" "$@" 2> "$home/err" > /dev/null
        local wall=$(elapsed_us "$t0" "$EPOCHREALTIME")
        sed -n 's/^timing: \(.*[^ ]\)  *\([0-9.]*\) ms$/\1|\2/p' "$home/err" >> "$home/phases"
        local total=$(sed -n 's/^timing: total to the last mark *\([0-9.]*\) ms$/\1/p' "$home/err")
        awk -v w="$wall" -v t="$total" 'BEGIN { printf "exit (QCoreApplication, unmapping, reaping)|%.2f\n", w / 1000 - t }' >> "$home/phases"
        echo "wall time|$(awk -v w="$wall" 'BEGIN { printf "%.2f", w / 1000 }')" >> "$home/phases"
    done
    echo "  create $label, median per phase (ms):"
    awk -F'|' '!($1 in seen) { seen[$1] = 1; print $1 }' "$home/phases" | while IFS= read -r phase; do
        awk -F'|' -v p="$phase" '$1 == p { print $2 }' "$home/phases" | sort -n |
            awk -v p="$phase" '{ t[NR] = $1 } END { printf "    %-48s %7.2f\n", p, t[int((NR + 1) / 2)] }'
    done
}
echo
echo "Breakdown (DAS_CLI_TIMING=\$EPOCHREALTIME das-connect-cli create …):"
breakdown "--if-exists create" --if-exists create
XDG_DATA_HOME=$home/data-default breakdown default

echo
echo "Dynamic loader (LD_DEBUG=statistics, das-connect-cli --version): $(ldd "$cli" | wc -l) shared objects"
# What one create maps in the end: its DT_NEEDED closure plus what it dlopen()s (the keychain module only when a
# keychain is used, the regions module only when a regions.yaml is read).
LD_DEBUG=files create ld_debug --if-exists create 2> "$home/ld-files" > /dev/null || true
echo "    objects one --if-exists create loads: $(grep -c 'generating link map' "$home/ld-files")" \
    "($(grep -c 'dynamically loaded by' "$home/ld-files") with dlopen)"
LD_DEBUG=statistics "$cli" --version 2>&1 | sed -n 's/^ *[0-9]*:[[:space:]]*\(total startup time.*\|time needed for relocation.*\|number of relocations:.*\)$/    \1/p'
if command -v strace > /dev/null; then
    echo "Disk flushes and file churn of one --if-exists create (strace -f -c):"
    strace -f -c -e trace=fdatasync,fsync,unlink,openat -o "$home/strace" \
        "$cli" create --project-id "$project" --instance-id "$instance" --engine-type mysql --network-type rds \
        --username root --password-stdin --database-name strace --endpoint "$url" "${tls_cli[@]}" --if-exists create \
        < "$home/password" > /dev/null
    awk '$NF ~ /^(fdatasync|fsync|unlink|openat)$/ { printf "    %-10s %s calls\n", $NF, $4 }' "$home/strace"
fi
