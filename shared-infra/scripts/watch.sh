#!/usr/bin/env bash
# `make watch LESSON=n`: grades lesson n, then again each time one of its sources is saved, clearing the
# screen for each scorecard. One long-lived grader JVM does the work (see Watch.java); this loop only runs
# Maven when the grader asks for it (a pom, lesson.json or a shared module changed) and starts the JVM again
# after that, or after a test left a thread running. Ctrl-C stops it; progress is saved after every run.
# Usage: watch.sh N [grader options...]
. "$(dirname "$0")/lib.sh"

number=${1:-}
shift || true
dir=$(lesson_dir lessons "$number")
fix=$(t "Fix the errors above and save: the lesson is graded again." "上のエラーを直して保存すると、もう一度採点します。")

stop() {
    echo >&2
    say "$(t "Stopped watching. Your progress is saved; \`make progress\` shows it." \
             "監視を終了しました。進み具合は保存されています（\`make progress\` で確認できます）。")"
    exit 0
}
# Ctrl-C reaches the grader (whose shutdown hook stops dynalite), Maven and dynalite too; then this trap ends the loop.
trap stop INT TERM

# After a failed Maven build: wait until a file of the module or of the course's Maven build changes.
wait_for_change() {
    say "$(t "Watching $(rel "$dir"): save a file to build again. Press Ctrl-C to stop." \
             "$(rel "$dir") を監視しています。ファイルを保存するともう一度ビルドします。Ctrl-C で終了します。")"
    while [ -z "$(find "$dir/src" "$dir/pom.xml" "$dir/lesson.json" "$ROOT/pom.xml" "$ROOT/lessons/pom.xml" \
            "$ROOT/shared-infra" \( -name target -o -name node_modules -o -name cdk.out \) -prune \
            -o -newer "$dir/target/grader.build-start" -print -quit 2>/dev/null)" ]; do
        sleep 0.3
    done
}

"$SCRIPTS/preflight.sh"
[ -f "$ROOT/node_modules/dynalite/cli.js" ] || "$SCRIPTS/setup.sh" --node-only
while :; do
    if needs_first_build "$dir" && ! maven_build "$dir" "$fix"; then
        wait_for_change
        continue
    fi
    status=0
    run_grader "$dir" --watch "$@" || status=$?
    case "$status" in
        "$GRADER_NEEDS_MAVEN")
            maven_build "$dir" "$fix" || wait_for_change;;
        "$GRADER_NEEDS_RESTART")
            ;;
        *)
            exit "$status";;
    esac
done
