#!/usr/bin/env bash
# Runs the grader for what needs no lesson build: hints, progress, the list of exercise files.
# Usage: grader-tool.sh [grader options...]
# It uses the grader module's own classes and classpath, compiled on first use.
. "$(dirname "$0")/lib.sh"

module="$ROOT/shared-infra/grader"
classpath_file="$module/target/grader.classpath"

"$SCRIPTS/preflight.sh"
# Recompile when never built, or when a source or pom is newer than the saved classpath.
if [ ! -f "$classpath_file" ] || [ ! -d "$module/target/classes" ] \
        || [ -n "$(find "$module/src/main" "$module/pom.xml" "$ROOT/pom.xml" -type f -newer "$classpath_file" -print -quit)" ]; then
    say "$(t "Compiling the grader" "採点ツールをコンパイルしています")"
    (cd "$ROOT" && "$MVNW" -q -B -ntp -f shared-infra/grader/pom.xml compile dependency:build-classpath \
        -Dmdep.outputFile=target/grader.classpath -Dmdep.includeScope=runtime) \
        || die "$(t "Building the grader failed (see the Maven errors above)." \
                    "採点ツールのビルドに失敗しました（上の Maven のエラーを見てください）。")"
    touch "$classpath_file"
fi

exec java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -cp "$module/target/classes:$(cat "$classpath_file")" "$GRADER_MAIN" "$@"
