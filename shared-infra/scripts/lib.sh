# Shared helpers for the workshop scripts; source it, do not run it.
# The repository root is found from this file's location, so scripts work from any directory.
set -eu

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SCRIPTS="$ROOT/shared-infra/scripts"
MVNW="$ROOT/mvnw"
GRADER_MAIN=durable.workshop.grader.Grader
# Written by preflight.sh when the tools passed its checks; it changes when they change (another JDK).
PREFLIGHT_STAMP="$ROOT/.workshop/preflight.ok"

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

# run_grader [--record] DIR [grader options...]: grades the module DIR with the test classpath a Maven build saved
# in DIR/target/grader.classpath; the grader loads the module's own classes (target/classes, target/test-classes)
# itself, in a class loader of their own. `make check-lesson`, `make watch` and `make test` all use it, so CI
# grades exactly as a learner does.
# The C1 compiler alone and the serial GC start the JVM faster; graded tests are short.
# Strict replay (durable-local): the runner suspends after every checkpoint, so every operation of the
# handler is replayed at least once and code that is not replay-safe fails here, not in AWS.
# Class data sharing: the JVM maps the classes a check needs (the libraries, the shared modules, the JDK's
# compiler) from an archive instead of loading and verifying them each time, which saves about a quarter of
# a check (see grader_launch).
run_grader() {
    local record=false
    if [ "$1" = --record ]; then
        record=true
        shift
    fi
    local dir=$1
    shift
    grader_launch "$dir" "$record"
    if [ "$launch_mode" = record ]; then
        say "$(t "Preparing faster checks: this one also records the classes the grader loads (once after each build)." \
                 "次回からの採点を速くするため、今回は採点ツールが読み込むクラスも記録します（ビルドのあと一度だけ）。")"
        set -- --compile-all "$@"   # compiles the module's sources once, so the compiler is in the archive too
    fi
    java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 ${launch_options[@]+"${launch_options[@]}"} -Ddurable.local.replay=strict \
        -cp "$(cat "$launch_classpath_file")" "$GRADER_MAIN" --lesson-dir "$dir" "$@"
}

# grader_launch DIR RECORD(true|false): how the grader's JVM starts for DIR. Sets launch_classpath_file,
# launch_options (JVM options) and launch_mode: plain (the saved classpath, no archive), shared (the archive
# of classes is used), or record (this run writes the archive as it exits).
# Java 17 archives classes from jars only, so the shared modules' class directories are packed into jars
# (LaunchClasspath, target/grader-launch/) once per build and JDK (preflight's stamp changes with the tools),
# when the JVM accepts the options; otherwise the saved classpath serves as before. The JVM checks the jars
# against the archive itself too and quietly loads classes as usual when they differ.
grader_launch() {
    local dir=$1 record=$2 launch="$1/target/grader-launch"
    local quiet=(-Xlog:cds=off -Xlog:cds+dynamic=off)   # an archive the JVM refuses is no news to a learner
    launch_classpath_file="$dir/target/grader.classpath"
    launch_options=()
    launch_mode=plain
    packed() {
        [ "$launch/classpath" -nt "$launch_classpath_file" ] && [ "$launch/classpath" -nt "$PREFLIGHT_STAMP" ]
    }
    if $record && ! packed; then
        java -cp "$(cat "$launch_classpath_file")" "$GRADER_MAIN" --lesson-dir "$dir" --pack-classpath > /dev/null 2>&1 \
            && java "${quiet[@]}" -XX:ArchiveClassesAtExit="$launch/probe.jsa" -version > /dev/null 2>&1 \
            || rm -f "$launch/classpath"
        rm -f "$launch/probe.jsa"
    fi
    packed || return 0
    launch_classpath_file=$launch/classpath
    if [ "$launch/classes.jsa" -nt "$launch/classpath" ]; then
        launch_mode=shared
        launch_options=(-XX:SharedArchiveFile="$launch/classes.jsa" "${quiet[@]}")
    elif $record && ! [ "$launch/recorded" -nt "$launch/classpath" ]; then
        touch "$launch/recorded"   # one attempt per packing, even if the JVM cannot write an archive
        launch_mode=record
        launch_options=(-XX:ArchiveClassesAtExit="$launch/classes.jsa" "${quiet[@]}")
    fi
}

# Exit status of `Grader --compile` and `--watch` when Maven must build first, and of `--watch` when the
# JVM must be started afresh (a test left a thread running).
GRADER_NEEDS_MAVEN=3
GRADER_NEEDS_RESTART=4

# True when Maven must build DIR before the grader can even start: never built, or a saved classpath entry is
# gone (for example after `./mvnw clean` in a shared module), or the grader itself changed. What else changed
# since is the grader's decision.
needs_first_build() {
    local dir=$1 classpath_file="$1/target/grader.classpath" entry entries
    [ -f "$classpath_file" ] && [ -d "$dir/target/classes" ] && [ -d "$dir/target/test-classes" ] || return 0
    # Split on ':' only, without glob expansion of the entries (a plain $(cat ...) loop would do both).
    IFS=: read -r -a entries <<< "$(cat "$classpath_file")"
    for entry in ${entries[@]+"${entries[@]}"}; do
        [ -e "$entry" ] || return 0
    done
    # The grader decides what else to rebuild, but it cannot tell that it is out of date itself (after a
    # `git pull` that brought a newer grader): then Maven builds first.
    [ -z "$(find "$ROOT/shared-infra/grader/src/main" "$ROOT/shared-infra/grader/pom.xml" -type f \
        -newer "$classpath_file" -print -quit 2>/dev/null)" ] || return 0
    return 1
}

# The compiler's messages from a failed Maven build, without Maven's own advice (which does not apply
# here): "lessons/.../Handler.java:120:9: cannot find symbol" and the lines that explain it. The grader
# prints the JDK compiler's errors in the same form.
compiler_errors() {
    awk -v root="$ROOT/" '
        /COMPILATION ERROR/ { inside = 1; next }
        /Failed to execute goal/ { inside = 0 }
        inside {
            sub(/^\[ERROR\] /, "")
            if (index($0, root) == 1) { $0 = substr($0, length(root) + 1) }
            print "  " $0
        }' "$1" | sed -E 's/\.java:\[([0-9]+),([0-9]+)\] /.java:\1:\2: /'
}

# maven_build DIR FIX_MESSAGE: builds DIR and the shared modules it uses (-am, so an edited testkit or grader
# is picked up) and saves the test classpath. On failure prints the compiler's errors (or Maven's log) and
# FIX_MESSAGE, and returns 1.
maven_build() {
    local dir=$1 fix=$2 classpath_file="$1/target/grader.classpath" build_log="$1/target/grader-build.log" errors
    "$SCRIPTS/setup.sh" --node-only
    say "$(t "Compiling $(rel "$dir")" "$(rel "$dir") をコンパイルしています")"
    mkdir -p "$dir/target"
    # The build's start time becomes the classpath file's: a file saved during the build stays newer than it.
    touch "$dir/target/grader.build-start"
    if ! (cd "$ROOT" && "$MVNW" -q -B -ntp -pl "$(rel "$dir")" -am test-compile dependency:build-classpath \
            -Dmdep.outputFile=target/grader.classpath -Dmdep.includeScope=test) > "$build_log" 2>&1; then
        rm -f "$classpath_file"
        errors=$(compiler_errors "$build_log")
        if [ -n "$errors" ]; then
            say "$(t "The code does not compile yet:" "コードがまだコンパイルできません:")"
            printf '%s\n' "$errors" >&2
            printf '%s\n' "$fix" >&2
        else
            cat "$build_log" >&2
            printf '%s\n' "$(t "The build failed: see Maven's messages above." "ビルドに失敗しました。上の Maven のメッセージを確認してください。")" >&2
        fi
        return 1
    fi
    touch -r "$dir/target/grader.build-start" "$classpath_file"
}

# Path relative to the repository root, for Maven's -pl and for messages.
rel() {
    printf '%s' "${1#"$ROOT"/}"
}
