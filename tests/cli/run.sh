#!/usr/bin/env bash
# Runs the phimask CLI cases: tests/cli/run.sh PATH_TO_PHIMASK [CASE...]
#
# Each case is a folder cases/<name>/ (see README.md) run in a fresh temporary
# folder, with $CASE set to the case folder, $TMP to the temporary folder, and
# `phimask` a shell function running the binary under test. Prints PASS/FAIL per
# case and finally "N passed, M failed"; exits 1 when a case failed.
set -u

if [[ $# -lt 1 || ! -x "$1" ]]; then
    echo "usage: $0 PATH_TO_PHIMASK [CASE...]" >&2
    exit 2
fi
PHIMASK_BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
HERE=$(cd "$(dirname "$0")" && pwd)
POLICIES=$HERE/policies
export PHIMASK_BIN POLICIES

# Prints why the case failed (nothing when it passed).
check_case() {
    local dir=$1 work=$2
    local rc expected_rc=0
    rc=$(cat "$work/.rc")
    [[ -f $dir/expected_exit ]] && expected_rc=$(tr -d ' \n' < "$dir/expected_exit")
    if [[ $rc != "$expected_rc" ]]; then
        echo "exit code $rc, expected $expected_rc"
    fi
    if [[ -f $dir/expected_stdout ]]; then
        if ! cmp -s "$dir/expected_stdout" "$work/.stdout"; then
            echo "stdout differs from expected_stdout:"
            diff "$dir/expected_stdout" "$work/.stdout" | head -20
        fi
    elif [[ -f $dir/expected_stdout_regex ]]; then
        local -a want got
        mapfile -t want < "$dir/expected_stdout_regex"
        mapfile -t got < "$work/.stdout"
        if [[ ${#want[@]} != "${#got[@]}" ]]; then
            echo "stdout has ${#got[@]} lines, expected_stdout_regex ${#want[@]}"
        else
            local i
            for i in "${!want[@]}"; do
                [[ ${got[$i]} =~ ${want[$i]} ]] || echo "stdout line $((i + 1)) does not match /${want[$i]}/"
            done
        fi
    elif [[ -f $dir/expected_stdout_contains ]]; then
        local line
        while IFS= read -r line; do
            [[ -z $line ]] || grep -qF -- "$line" "$work/.stdout" || echo "stdout lacks: $line"
        done < "$dir/expected_stdout_contains"
    elif [[ ! -f $dir/check && -s $work/.stdout ]]; then
        echo "unexpected stdout:"
        head -5 "$work/.stdout"
    fi
    if [[ -f $dir/expected_stderr ]]; then
        local line
        while IFS= read -r line; do
            [[ -z $line ]] || grep -qF -- "$line" "$work/.stderr" || echo "stderr lacks: $line"
        done < "$dir/expected_stderr"
    elif [[ -s $work/.stderr ]]; then
        echo "unexpected stderr:"
        head -5 "$work/.stderr"
    fi
    if [[ -f $dir/forbidden ]]; then
        local line
        while IFS= read -r line; do
            [[ -z $line ]] && continue
            grep -qF -- "$line" "$work/.stdout" && echo "stdout contains forbidden text: $line"
            grep -qF -- "$line" "$work/.stderr" && echo "stderr contains forbidden text: $line"
        done < "$dir/forbidden"
    fi
    if [[ -f $dir/check ]]; then
        (cd "$work" && CASE=$dir TMP=$work OUT=$work/.stdout ERR=$work/.stderr bash "$dir/check") 2>&1 ||
            echo "check failed"
    fi
    [[ -z $(cat "$work/.stderr_extra" 2>/dev/null) ]] || { echo "setup failed:"; cat "$work/.stderr_extra"; }
}

run_case() {
    local dir=$1 work=$2
    (
        cd "$work" || exit 1
        export CASE=$dir TMP=$work
        phimask() { "$PHIMASK_BIN" "$@"; }
        if [[ -f $dir/env ]]; then
            set -a
            # shellcheck disable=SC1091
            source "$dir/env"
            set +a
        fi
        if [[ -f $dir/setup ]]; then
            # shellcheck disable=SC1091
            source "$dir/setup" > .setup_out 2> .stderr_extra || echo "setup exited with $?" >> .stderr_extra
        fi
        local stdin=/dev/null
        [[ -f $dir/stdin ]] && stdin=$dir/stdin
        eval "phimask $(< "$dir/cmd")" < "$stdin" > .stdout 2> .stderr
        echo $? > .rc
    )
}

passed=0
failed=0
for dir in "$HERE"/cases/*/; do
    dir=${dir%/}
    name=$(basename "$dir")
    if [[ $# -gt 0 ]]; then
        selected=0
        for want in "$@"; do [[ $name == "$want" ]] && selected=1; done
        [[ $selected == 1 ]] || continue
    fi
    work=$(mktemp -d "${TMPDIR:-/tmp}/phimask-cli.XXXXXX")
    run_case "$dir" "$work"
    problems=$(check_case "$dir" "$work")
    if [[ -z $problems ]]; then
        echo "PASS $name"
        passed=$((passed + 1))
    else
        echo "FAIL $name"
        echo "  cmd: $(< "$dir/cmd")"
        sed 's/^/  /' <<< "$problems"
        failed=$((failed + 1))
    fi
    rm -rf "$work"
done

echo "$passed passed, $failed failed"
[[ $failed == 0 && $passed -gt 0 ]]
