#!/usr/bin/env bash
# `make bench-grade [LESSON=n]`: how long a learner waits for a scorecard, as medians of a few runs after a
# warm-up, against the course's targets:
#   1. `make check-lesson` with nothing changed            (target < 2 s)
#   2. `make check-lesson` right after saving an exercise file (target < 3 s)
#   3. `make watch`: from saving the file to the new scorecard (target < 1.5 s)
# A save is simulated by touching the lesson's first exercise file (its content stays as it is). Progress is
# not saved. Usage: bench-grade.sh [N]; BENCH_RUNS=n sets the number of timed runs (default 5).
. "$(dirname "$0")/lib.sh"

number=${1:-1}
runs=${BENCH_RUNS:-5}
dir=$(lesson_dir lessons "$number")
command -v perl >/dev/null 2>&1 || die "bench-grade needs perl for its clock."

now() {
    perl -MTime::HiRes=time -e 'printf "%.3f\n", time'
}

# median of the numbers on standard input
median() {
    sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# check_lesson_seconds [--touch]: one `make check-lesson` (grade.sh), timed; the scorecard is discarded.
check_lesson_seconds() {
    local start end
    [ "${1:-}" != --touch ] || touch "$exercise"
    start=$(now)
    "$SCRIPTS/grade.sh" lessons "$number" --no-progress > /dev/null 2>&1 || true
    end=$(now)
    awk -v a="$end" -v b="$start" 'BEGIN { printf "%.3f\n", a - b }'
}

# Other work on the machine slows every figure down: say how busy it was.
load() {
    uptime | sed -E 's/.*load averages?: *//; s/,.*//'
}
load_before=$(load)
say "Benchmark of $(rel "$dir"): $runs timed runs each, after one warm-up"
"$SCRIPTS/grade.sh" lessons "$number" --no-progress > /dev/null 2>&1 || true   # builds whatever needs building
exercise="$dir/$("$SCRIPTS/grader-tool.sh" --lesson-dir "$dir" --exercise-files | head -n 1)"
[ -f "$exercise" ] || die "No exercise file found for $(rel "$dir")."

check_lesson_seconds > /dev/null
nochange=$(for _ in $(seq "$runs"); do check_lesson_seconds; done | median)
check_lesson_seconds --touch > /dev/null
edited=$(for _ in $(seq "$runs"); do check_lesson_seconds --touch; done | median)

# watch: the grader JVM of `make watch`, its scorecards to a log; each "Watching" line ends one scorecard.
log=$(mktemp)
run_grader "$dir" --watch --no-progress > "$log" 2>&1 &
watcher=$!
# The JVM is the background subshell's child: stop it (its shutdown hook stops dynalite), then the subshell.
cleanup() {
    local jvm
    for jvm in $(pgrep -P "$watcher" 2>/dev/null); do kill "$jvm" 2>/dev/null || true; done
    wait "$watcher" 2>/dev/null || true
    rm -f "$log"
}
trap cleanup EXIT
scorecards() { grep -c '^Watching' "$log" || true; }
wait_for_scorecard() { # wait_for_scorecard N: until N scorecards are printed (at most 2 minutes)
    local waited=0
    while [ "$(scorecards)" -lt "$1" ]; do
        sleep 0.02
        waited=$((waited + 1))
        [ "$waited" -lt 6000 ] || die "make watch printed no scorecard within 2 minutes; its output: $(cat "$log")"
    done
}
wait_for_scorecard 1
watch_times=""
for i in $(seq 0 "$runs"); do
    sleep 0.5
    count=$(scorecards)
    start=$(now)
    touch "$exercise"
    wait_for_scorecard $((count + 1))
    end=$(now)
    # The first save warms the compiler up, as the first save of a session does.
    [ "$i" -eq 0 ] || watch_times="$watch_times$(awk -v a="$end" -v b="$start" 'BEGIN { printf "%.3f", a - b }')"$'\n'
done
watched=$(printf '%s' "$watch_times" | median)

row() { # row LABEL SECONDS TARGET
    local verdict
    verdict=$(awk -v s="$2" -v t="$3" 'BEGIN { print (s < t) ? "ok" : "SLOWER THAN TARGET" }')
    printf '  %-44s %6.2f s   (target < %s s: %s)\n' "$1" "$2" "$3" "$verdict"
}
echo
echo "Grading $(rel "$dir"), median of $runs runs on $(uname -sm), $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') cores," \
    "load average $load_before before and $(load) after:"
row "make check-lesson, nothing changed" "$nochange" 2
row "make check-lesson, after saving an exercise" "$edited" 3
row "make watch, save to scorecard" "$watched" 1.5
