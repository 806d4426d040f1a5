#!/usr/bin/env bash
# Runs the grader on one lesson or solution module.
# Usage: grade.sh lessons|solutions N [grader options...]
# Maven runs only when something the module is built from changed since the last build; otherwise the
# saved test classpath (target/grader.classpath) lets us start the grader with plain `java`, which keeps
# a repeated `make check-lesson` to a few seconds.
. "$(dirname "$0")/lib.sh"

track=${1:?track}
number=${2:-}
shift 2 || shift $#
dir=$(lesson_dir "$track" "$number")
classpath_file="$dir/target/grader.classpath"

# Prints the first input newer than the saved classpath: the module's sources, its poms, the shared modules it uses.
first_change() {
    find "$dir/src" "$dir/pom.xml" "$dir/lesson.json" "$ROOT/pom.xml" "$ROOT/$track/pom.xml" \
        "$ROOT/shared-infra/durable-local" "$ROOT/shared-infra/testkit" "$ROOT/shared-infra/grader" \
        "$ROOT/shared-infra/course-module-parent" \
        \( -name target -o -name node_modules \) -prune -o -type f -newer "$classpath_file" -print -quit 2>/dev/null
}

# True when a saved classpath entry is gone, for example after `./mvnw clean` in a shared module.
entry_missing() {
    local entry entries
    # Split on ':' only, without glob expansion of the entries (a plain $(cat ...) loop would do both).
    IFS=: read -r -a entries <<< "$(cat "$classpath_file")"
    for entry in ${entries[@]+"${entries[@]}"}; do
        [ -e "$entry" ] || return 0
    done
    return 1
}

needs_build() {
    [ -f "$classpath_file" ] && [ -d "$dir/target/classes" ] && [ -d "$dir/target/test-classes" ] || return 0
    entry_missing || [ -n "$(first_change)" ]
}

# The compiler's messages from a failed Maven build, without Maven's own advice (which does not apply
# here): "lessons/.../Handler.java:120:9: cannot find symbol" and the lines that explain it.
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

"$SCRIPTS/preflight.sh"
if needs_build; then
    "$SCRIPTS/setup.sh" --node-only
    say "$(t "Compiling $(rel "$dir")" "$(rel "$dir") をコンパイルしています")"
    # -am builds the shared modules from source too, so an edited testkit or grader is picked up.
    build_log="$dir/target/grader-build.log"
    mkdir -p "$dir/target"
    if ! (cd "$ROOT" && "$MVNW" -q -B -ntp -pl "$(rel "$dir")" -am test-compile dependency:build-classpath \
            -Dmdep.outputFile=target/grader.classpath -Dmdep.includeScope=test) > "$build_log" 2>&1; then
        rm -f "$classpath_file"
        errors=$(compiler_errors "$build_log")
        if [ -n "$errors" ]; then
            say "$(t "The code does not compile yet:" "コードがまだコンパイルできません:")"
            printf '%s\n' "$errors" >&2
            die "$(t "Fix the errors above, then run the command again." "上のエラーを直してから、もう一度コマンドを実行してください。")"
        fi
        cat "$build_log" >&2
        die "$(t "The build failed: see Maven's messages above." "ビルドに失敗しました。上の Maven のメッセージを確認してください。")"
    fi
    touch "$classpath_file"
else
    # The fast path still needs Node and dynalite; checking for them costs milliseconds.
    [ -f "$ROOT/node_modules/dynalite/cli.js" ] || "$SCRIPTS/setup.sh" --node-only
fi

# The grader's exit status is the command's: 0 only when every exercise passes.
run_grader "$dir" "$@"
