#!/usr/bin/env bash
# `make run` and `make demo`: builds a lesson (its function jar and its CDK app) and the local runtime, then
#   run   starts the local Lambda endpoint with the lesson's functions and tables, until Ctrl-C (and serves the
#         lesson's web/ page, when it has one, on the HTTP API's origin);
#   demo  runs the lesson's demo driver against AWS, or with LOCAL=1 against the local endpoint.
# Usage: [STAGE=dev|prod] local-runtime.sh run  lessons|solutions N [TIME_SCALE] [PORT]
#        [STAGE=dev|prod] local-runtime.sh demo lessons|solutions N [LOCAL] [TIME_SCALE] [PROFILE] [REGION]
# STAGE (default dev) is the stage whose stack is synthesized (locally) or driven (on AWS): its names end in -<stage>.
. "$(dirname "$0")/lib.sh"

action=${1:?run|demo}
track_and_stage "${2:-}"
dir=$(lesson_dir "$track" "${3:-}")
infra="$dir/infra"
[ -f "$infra/pom.xml" ] || die "$(t "$(rel "$dir") has no CDK app (infra/pom.xml is missing)." \
                                    "$(rel "$dir") には CDK アプリがありません（infra/pom.xml がありません）。")"
app=$(sed -n 's:.*<cdk.app.main>\(.*\)</cdk.app.main>.*:\1:p' "$infra/pom.xml")
[ -n "$app" ] || die "$(t "$(rel "$infra")/pom.xml does not name its app class (cdk.app.main)." \
                          "$(rel "$infra")/pom.xml にアプリのクラス（cdk.app.main）がありません。")"

check_number() {
    case "$2" in
        ''|*[!0-9.]*|*.*.*) die "$(t "$1 must be a number, not \"$2\"." "$1 には数値を指定してください（指定値: \"$2\"）。")";;
    esac
}

"$SCRIPTS/setup.sh"

runtime="$ROOT/shared-infra/local-runtime"
log=$(mktemp)
say "$(t "Building $(rel "$dir") and the local runtime" "$(rel "$dir") とローカル実行環境をビルドしています")"
if ! (cd "$ROOT" && "$MVNW" -q -B -ntp -pl "$(rel "$dir"),$(rel "$infra"),shared-infra/local-runtime" \
        package dependency:build-classpath -Dmdep.outputFile=target/runtime.classpath -Dmdep.includeScope=runtime \
        -Dmaven.test.skip=true -Dgraded.tests.skip=true -Dlocal-runtime.runtime-only) >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    die "$(t "The build failed (see the Maven errors above)." "ビルドに失敗しました（上の Maven のエラーを見てください）。")"
fi
rm -f "$log"

# The lesson's classes (function jar, CDK app) load on top of the runtime's own classpath.
classpath="$runtime/target/classes:$(cat "$runtime/target/runtime.classpath")"
lesson_classes="$dir/target/function.jar:$infra/target/classes"
state="$ROOT/.workshop/local-runtime/$track"
# The runtime sets the functions' environment variables inside its JVM.
opens=(--add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED)
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
common=(--app "$app" --classpath "$lesson_classes" --function-jar "$dir/target/function.jar" --state "$state" --track "$track" --stage "$stage")

# The CDK app reads config/ from its working directory, as under `cdk synth`.
cd "$infra"
case "$action" in
    run)
        scale=${4:-1}; port=${5:-9001}
        check_number TIME_SCALE "$scale"; check_number PORT "$port"
        exec java "${opens[@]}" -cp "$classpath" durable.workshop.localruntime.LocalRuntime "${common[@]}" \
            --time-scale "$scale" --port "$port" --web "$dir/web"
        ;;
    demo)
        local_run=${4:-}; scale=${5:-60}; profile=${6:-}; region=${7:-}
        check_number TIME_SCALE "$scale"
        exec java "${opens[@]}" -cp "$classpath" durable.workshop.localruntime.DemoMain "${common[@]}" \
            --lesson "$((10#$3))" --lesson-dir "$dir" --local "$([ -n "$local_run" ] && echo true || echo false)" \
            --time-scale "$scale" --profile "$profile" --region "$region"
        ;;
    *) die "$(t "Unknown action \"$action\": use run or demo." "不明な操作 \"$action\" です。run か demo を指定してください。")";;
esac
