#!/usr/bin/env bash
# The whole course verification behind `make test` (and CI):
#   1. the Maven reactor: every module's tests, the solutions' graded tests, CDK synth tests, course checks;
#   2. for each lesson, the grader: the skeleton must fail every exercise with its own TODO (--expect-todo)
#      and the solution must pass every exercise (--expect-pass).
# Step 2 reuses the classes and the test classpath step 1 produced, so nothing is compiled twice.
. "$(dirname "$0")/lib.sh"

# A learner who solved exercises in this clone fails the skeleton checks on purpose; say so instead of
# leaving them to wonder what they broke.
explain_local_changes() {
    command -v git >/dev/null 2>&1 || return 0
    local changed upstream
    changed=$(git -C "$ROOT" status --porcelain -- lessons 2>/dev/null)
    if upstream=$(git -C "$ROOT" rev-parse --verify -q '@{upstream}' 2>/dev/null); then
        changed="$changed$(git -C "$ROOT" diff --name-only "$upstream" -- lessons 2>/dev/null)"
    fi
    [ -n "$changed" ] || return 0
    echo
    t "Note: files under lessons/ differ from the course as shipped (see \`git status\`). \`make test\` checks that every skeleton still fails with its TODOs, so solving exercises in this clone fails it, as it should. Grade your work with \`make check-lesson LESSON=n\`." \
      "注意: lessons/ の下のファイルが配布時のコースと違います（\`git status\` で確認できます）。\`make test\` はスケルトンがそれぞれの TODO で失敗することも確かめるので、このクローンで演習を解くと失敗するのは想定どおりです。自分の解答は \`make check-lesson LESSON=n\` で採点してください。"
    echo
}

"$SCRIPTS/preflight.sh"
# The reactor builds the shared modules itself, so only the Node tools must be installed here.
"$SCRIPTS/setup.sh" --node-only

cd "$ROOT"
say "Building and testing every module (./mvnw verify)"
if ! "$MVNW" -B -ntp verify dependency:build-classpath -Dmdep.outputFile=target/grader.classpath -Dmdep.includeScope=test; then
    echo
    echo "make test: FAILED — the Maven build failed (see the Surefire summary and errors above)."
    explain_local_changes
    exit 1
fi

failed=""
checked=0
for lesson in "$ROOT"/lessons/[0-9][0-9]-*/; do
    lesson=${lesson%/}
    [ -f "$lesson/lesson.json" ] || continue
    name=$(basename "$lesson")
    for pair in "lessons:--expect-todo" "solutions:--expect-pass"; do
        track=${pair%%:*}
        dir="$ROOT/$track/$name"
        echo
        say "Grader $(rel "$dir") ${pair#*:}"
        if [ ! -f "$dir/target/grader.classpath" ]; then
            echo "$(rel "$dir") was not built by the reactor (is it listed in $track/pom.xml?)."
            failed="$failed $track/$name"
            continue
        fi
        # Graded as `make check-lesson` grades, strict replay included: a solution must be replay-safe.
        if ! run_grader "$dir" --lang en --no-progress "${pair#*:}"; then
            failed="$failed $track/$name"
        fi
        checked=$((checked + 1))
    done
done

echo
# A pattern that matched no lesson would otherwise pass with nothing graded.
if [ "$checked" -eq 0 ] && [ -z "$failed" ]; then
    echo "make test: FAILED — no lesson with a lesson.json was found under lessons/, so the grader checked nothing."
    exit 1
fi
if [ -n "$failed" ]; then
    echo "make test: FAILED — the grader checks failed for:$failed (the Maven build passed)."
    explain_local_changes
    exit 1
fi
echo "make test: PASSED — the Maven build and $checked grader checks (skeletons fail with their TODOs, solutions pass)."
