#!/usr/bin/env bash
# check-install.sh STEP BUILD_DIR ROOT VERSION: one install test (tests/install/CMakeLists.txt).
#   install     cmake --install BUILD_DIR --prefix ROOT (a fresh ROOT)
#   files       every file the package promises is there, and nothing is writable by others
#   programs    the installed executables answer --version (also per CLI sub-command) and --help
#   completion  each installed completion, sourced in bash and driven through COMP_WORDS/COMP_CWORD
#   man         each man page (gzip -9n) renders without a warning (man --warnings, groff -ww)
#   metadata    desktop-file-validate and appstreamcli validate: no error, no warning
set -euo pipefail
step=$1 build=$2 root=$3 version=$4
programs=(das-connect das-connect-cli das-sandbox)
fail() { echo "FAIL: $*" >&2; exit 1; }

case "$step" in
install)
    rm -rf "$root"
    cmake --install "$build" --prefix "$root" >/dev/null
    ;;
files)
    expected=(
        share/applications/das-connect.desktop
        share/icons/hicolor/scalable/apps/das-connect.svg
        "share/metainfo/$DAS_APPSTREAM_ID.metainfo.xml"
        share/doc/das-connect/copyright
        share/doc/das-connect/changelog.Debian.gz
    )
    for p in "${programs[@]}"; do
        expected+=("bin/$p" "share/man/man1/$p.1.gz" "share/bash-completion/completions/$p")
    done
    for f in "${expected[@]}"; do
        [ -s "$root/$f" ] || fail "$f not installed"
    done
    for p in "${programs[@]}"; do
        [ -x "$root/bin/$p" ] || fail "bin/$p not executable"
    done
    # The modules are loaded on demand (ModuleLoader): lib/das-connect/plugins, or the multiarch libdir.
    for module in libdas-keychain.so libdas-regions.so; do
        plugin=$(find "$root"/lib* -path "*/das-connect/plugins/$module" 2>/dev/null | head -1)
        [ -n "$plugin" ] && [ -s "$plugin" ] || fail "lib/.../das-connect/plugins/$module not installed"
    done
    bad=$(find "$root" -perm /o+w -o -perm /g+w | head -5)
    [ -z "$bad" ] || fail "writable by group or others: $bad"
    for f in "$root"/share/doc/das-connect/changelog.Debian.gz "$root"/share/man/man1/*.gz; do
        gzip -t "$f" || fail "$f is not gzip"
    done
    ;;
programs)
    for p in "${programs[@]}"; do
        out=$("$root/bin/$p" --version) || fail "$p --version exited $?"
        [ "$out" = "$p $version" ] || fail "$p --version printed '$out', expected '$p $version'"
    done
    for p in das-connect das-sandbox; do
        "$root/bin/$p" --help | grep -q -- '--version' || fail "$p --help does not list --version"
    done
    "$root/bin/das-connect-cli" --help | grep -q '^Usage: das-connect-cli <command>' || fail "cli --help"
    "$root/bin/das-connect-cli" create --help | grep -q -- '--version' || fail "cli create --help lacks --version"
    # A region from ~/.huaweicloud/regions.yaml: the installed program finds the regions module (yaml-cpp).
    home=$(mktemp -d)
    mkdir -p "$home/.huaweicloud"
    printf 'DAS:\n  - id: cn-north-4\n    endpoint: https://das.regions-yaml.example.com\n' \
        > "$home/.huaweicloud/regions.yaml"
    out=$(printf 'pw\n' | HOME=$home XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data \
        HUAWEICLOUD_SDK_AK=AK HUAWEICLOUD_SDK_SK=SK "$root/bin/das-connect-cli" create --region cn-north-4 \
        --project-id 052041494800d57c2f02c00275b4c247 --instance-id bcfa975193f1402fa11a6d4fd6baf5fbin01 \
        --engine-type mysql --network-type rds --username root --password-stdin --dry-run 2>&1) ||
        fail "a dry run with a regions.yaml region exited $?: $out"
    rm -rf "$home"
    grep -q '^POST https://das.regions-yaml.example.com/' <<<"$out" || fail "regions.yaml not read: $out"
    for sub in create connections delete reconcile projects instances nodes databases history \
        "batch plan" "batch apply" batch "profile list" "profile add" "profile remove" "profile import" profile; do
        # shellcheck disable=SC2086 # "batch plan" is two words
        out=$("$root/bin/das-connect-cli" $sub --version) || fail "das-connect-cli $sub --version exited $?"
        [ "$out" = "das-connect-cli $version" ] || fail "das-connect-cli $sub --version printed '$out'"
    done
    ;;
completion)
    # Prints the words bash would offer for the command line "$@" (the last word is the one completed).
    complete_words() {
        local file=$1 function=$2
        shift 2
        bash --norc --noprofile -c '
            source "$1"; fn=$2; shift 2
            COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
            "$fn"
            [ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' _ "$file" "$function" "$@"
    }
    dir="$root/share/bash-completion/completions"
    expect() {
        local got want=$1
        shift
        got=$(complete_words "$@")
        [ "$got" = "$want" ] || fail "completing '${*:3}': got '$got', expected '$want'"
    }
    cli=("$dir/das-connect-cli" _das_connect_cli das-connect-cli)
    expect "batch " "${cli[@]}" ba
    expect "apply plan " "${cli[@]}" batch ""
    expect "list " "${cli[@]}" profile li
    expect "--help --version -h " "${cli[@]}" -
    expect "--dry-run " "${cli[@]}" create --region cn-north-4 --dr
    expect "create error skip " "${cli[@]}" create --if-exists ""
    expect "--parallel --password-stdin --passwords-file " "${cli[@]}" batch apply --pa
    expect "--created-since " "${cli[@]}" delete --cr
    expect "" "${cli[@]}" create --region ""
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    touch "$tmp/ca-bundle.pem"
    expect "$tmp/ca-bundle.pem " "${cli[@]}" create --ca-file "$tmp/ca-b"
    expect "$tmp/ca-bundle.pem " "${cli[@]}" batch plan "$tmp/ca"
    expect "--demo " "$dir/das-connect" _das_connect das-connect --de
    expect "--mode " "$dir/das-sandbox" _das_sandbox das-sandbox --mo
    # The hidden options stay hidden.
    expect "" "$dir/das-connect" _das_connect das-connect --help-m
    # Every option --help lists is offered (sandbox: a program without sub-commands).
    for option in $("$root/bin/das-sandbox" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
        [ "$option" = --help-all ] && continue
        complete_words "$dir/das-sandbox" _das_sandbox das-sandbox -- | grep -q -- "$option " ||
            fail "das-sandbox completion lacks $option"
    done
    for option in $("$root/bin/das-connect-cli" create --help | grep -o -- '^ *-[-a-z, ]*--[a-z][a-z-]*' |
        grep -o -- '--[a-z][a-z-]*'); do
        complete_words "${cli[@]}" create -- | grep -q -- "$option " || fail "create completion lacks $option"
    done
    ;;
man)
    for p in "${programs[@]}"; do
        page="$root/share/man/man1/$p.1.gz"
        warnings=$(zcat "$page" | groff -ww -z -man 2>&1) || fail "groff failed on $p.1"
        [ -z "$warnings" ] || fail "groff warns on $p.1: $warnings"
        if command -v man >/dev/null; then
            warnings=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null) || fail "man failed on $p.1"
            [ -z "$warnings" ] || fail "man warns on $p.1: $warnings"
        fi
        text=$(MANWIDTH=100 man -l "$page" 2>/dev/null || zcat "$page" | groff -man -Tutf8)
        grep -q -- "--version" <<<"$text" || fail "$p.1 does not document --version"
    done
    # The CLI's page documents every sub-command and the options its --help lists.
    text=$(MANWIDTH=200 man -l "$root/share/man/man1/das-connect-cli.1.gz" 2>/dev/null)
    for sub in create connections delete reconcile "batch plan" "batch apply" projects instances nodes \
        databases history "profile list" "profile add" "profile remove" "profile import"; do
        grep -q "das-connect-cli $sub \[options\]" <<<"$text" || fail "das-connect-cli.1 lacks $sub"
    done
    grep -q -- "--if-exists error|skip|create" <<<"$text" || fail "das-connect-cli.1 lacks create --if-exists"
    ;;
metadata)
    desktop="$root/share/applications/das-connect.desktop"
    metainfo="$root/share/metainfo/$DAS_APPSTREAM_ID.metainfo.xml"
    command -v desktop-file-validate >/dev/null || fail "desktop-file-validate missing (scripts/bootstrap)"
    command -v appstreamcli >/dev/null || fail "appstreamcli missing (scripts/bootstrap)"
    out=$(desktop-file-validate "$desktop" 2>&1) || fail "desktop-file-validate: $out"
    [ -z "$out" ] || fail "desktop-file-validate: $out"
    out=$(appstreamcli validate --no-net --no-color "$metainfo" 2>&1) || fail "appstreamcli: $out"
    grep -qE '^(E|W):' <<<"$out" && fail "appstreamcli: $out"
    grep -q "<release version=\"$version\"" "$metainfo" || fail "metainfo has no release $version"
    ;;
*)
    fail "unknown step $step"
    ;;
esac
