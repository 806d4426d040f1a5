# Shared helpers for the workshop scripts; source it, do not run it.
# The repository root is found from this file's location, so scripts work from any directory.
set -eu

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SCRIPTS="$ROOT/shared-infra/scripts"
MVNW="$ROOT/mvnw"
GRADER_MAIN=durable.workshop.grader.Grader

# Japanese when WORKSHOP_LANG=ja, or else when the locale (LC_ALL, LC_MESSAGES, LANG: the first set) starts with ja;
# the same rule as the grader, so every message of a command is in one language.
is_japanese() {
    case "${WORKSHOP_LANG:-}" in
        ja|JA) return 0;;
        en|EN) return 1;;
    esac
    local locale=${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}
    case "$locale" in
        ja*) return 0;;
        *) return 1;;
    esac
}

# t "English" "Japanese": the message in the learner's language.
t() {
    if is_japanese; then printf '%s' "$2"; else printf '%s' "$1"; fi
}

die() {
    printf '%s\n' "$*" >&2
    exit 1
}

say() {
    printf '==> %s\n' "$*" >&2
}

# Lesson numbers present in a track, e.g. "1, 2".
valid_lessons() {
    local track=$1 dir list=""
    for dir in "$ROOT/$track"/[0-9][0-9]-*/; do
        [ -f "$dir/pom.xml" ] || continue
        dir=$(basename "$dir")
        list="${list:+$list, }$((10#${dir%%-*}))"
    done
    printf '%s' "${list:-$(t none なし)}"
}

# lesson_dir TRACK N -> absolute path of TRACK/NN-*, or one clear sentence and exit.
# The track and stage a make target was given (TARGET, STAGE=dev by default), checked; sets track and stage.
# Only the stage's shape here: the lesson's app says which stages its config.json has.
track_and_stage() {
    track=${1:-lessons}
    case "$track" in
        lessons|solutions) ;;
        *) die "$(t "TARGET must be lessons or solutions, not \"$track\"." "TARGET には lessons か solutions を指定してください（指定値: \"$track\"）。")";;
    esac
    stage=${STAGE:-dev}
    [[ "$stage" =~ ^[a-z][a-z0-9]{0,9}$ ]] || die "$(t "STAGE must be a stage of the lesson's infra/config/config.json (dev or prod), not \"$stage\"." \
                                       "STAGE にはレッスンの infra/config/config.json にあるステージ（dev か prod）を指定してください（指定値: \"$stage\"）。")"
}

lesson_dir() {
    local track=$1 number=${2:-} dir
    case "$number" in
        ''|*[!0-9]*) die "$(t "Give the lesson number, for example LESSON=1 (valid lessons: $(valid_lessons "$track"))." \
                              "レッスン番号を LESSON=1 のように指定してください（有効なレッスン: $(valid_lessons "$track")）。")";;
    esac
    for dir in "$ROOT/$track"/$(printf '%02d' "$((10#$number))")-*/; do
        if [ -f "$dir/pom.xml" ]; then
            (cd "$dir" && pwd)
            return 0
        fi
    done
    die "$(t "There is no lesson $number in $track/; valid lessons: $(valid_lessons "$track")." \
             "$track/ にレッスン $number はありません。有効なレッスン: $(valid_lessons "$track")。")"
}

# run_grader DIR [grader options...]: grades the module DIR with the classes and the test classpath
# (DIR/target/grader.classpath) a Maven build left there. `make check-lesson` and `make test` both use it,
# so CI grades exactly as a learner does.
# The C1 compiler alone and the serial GC start the JVM faster; graded tests are short.
# Strict replay (durable-local): the runner suspends after every checkpoint, so every operation of the
# handler is replayed at least once and code that is not replay-safe fails here, not in AWS.
run_grader() {
    local dir=$1
    shift
    java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Ddurable.local.replay=strict \
        -cp "$dir/target/test-classes:$dir/target/classes:$(cat "$dir/target/grader.classpath")" \
        "$GRADER_MAIN" --lesson-dir "$dir" "$@"
}

# Path relative to the repository root, for Maven's -pl and for messages.
rel() {
    printf '%s' "${1#"$ROOT"/}"
}
