#!/usr/bin/env bash
# Runs the grader on one lesson or solution module.
# Usage: grade.sh lessons|solutions N [grader options...]
# Maven runs only when it must: nothing was built yet, or a pom, lesson.json or a shared module changed.
# When only the module's own sources changed, the grader compiles them itself with the JDK compiler
# (--compile) against the classpath the last Maven build saved (target/grader.classpath).
. "$(dirname "$0")/lib.sh"

track=${1:?track}
number=${2:-}
shift 2 || shift $#
dir=$(lesson_dir "$track" "$number")
fix=$(t "Fix the errors above, then run the command again." "上のエラーを直してから、もう一度コマンドを実行してください。")

"$SCRIPTS/preflight.sh"
# dynalite must be there; checking for it costs milliseconds.
[ -f "$ROOT/node_modules/dynalite/cli.js" ] || "$SCRIPTS/setup.sh" --node-only
if needs_first_build "$dir"; then
    maven_build "$dir" "$fix" || exit 1
fi

# The grader's exit status is the command's: 0 only when every exercise passes.
status=0
run_grader --record "$dir" --compile "$@" || status=$?
if [ "$status" -eq "$GRADER_NEEDS_MAVEN" ]; then
    maven_build "$dir" "$fix" || exit 1
    run_grader --record "$dir" "$@"
else
    exit "$status"
fi
