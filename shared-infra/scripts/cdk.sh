#!/usr/bin/env bash
# Builds a lesson's function jar and runs the CDK CLI on its app in <track>/NN-*/infra.
# Usage: [STAGE=dev|prod] cdk.sh synth|deploy|destroy lessons|solutions N [PROFILE]
#   synth   builds the jar on the course's local SDK and writes the template to infra/cdk.out (no AWS needed);
#   deploy  builds the jar on the official SDK (what Lambda must run) and deploys the stack;
#   destroy deletes the stack.
# STAGE (default dev) picks the settings in infra/config/config.json and ends the stack's name, so the
# stages of one lesson deploy side by side.
. "$(dirname "$0")/lib.sh"

action=${1:?synth|deploy|destroy}
track_and_stage "${2:-}"
dir=$(lesson_dir "$track" "${3:-}")
profile=${4:-}
infra="$dir/infra"
[ -f "$infra/cdk.json" ] || die "$(t "$(rel "$dir") has no CDK app (infra/cdk.json is missing)." \
                                     "$(rel "$dir") には CDK アプリがありません（infra/cdk.json がありません）。")"

"$SCRIPTS/setup.sh"

build_jar() {
    local log
    log=$(mktemp)
    say "$(t "Building $(rel "$dir")/target/function.jar${1:+ with the official SDK}" \
             "$(rel "$dir")/target/function.jar を${1:+公式 SDK で}ビルドしています")"
    if ! (cd "$ROOT" && "$MVNW" -q -B -ntp -pl "$(rel "$dir")" package -DskipTests -Dgraded.tests.skip=true ${1:+"$1"}) >"$log" 2>&1; then
        # A missing official SDK is a download problem, not a code problem: say only that.
        if grep -q 'resolve dependencies.*aws-durable-execution-sdk' "$log"; then
            rm -f "$log"
            die "$(t "The official AWS Durable Execution SDK for Java (software.amazon.lambda.durable:aws-durable-execution-sdk-java) could not be downloaded; check your internet connection and Maven proxy settings, then run the command again." \
                     "公式の AWS Durable Execution SDK for Java (software.amazon.lambda.durable:aws-durable-execution-sdk-java) をダウンロードできませんでした。インターネット接続と Maven のプロキシ設定を確認してから、もう一度実行してください。")"
        fi
        cat "$log" >&2
        rm -f "$log"
        die "$(t "Building the function jar failed (see the Maven errors above)." \
                 "関数の jar のビルドに失敗しました（上の Maven のエラーを見てください）。")"
    fi
    rm -f "$log"
}

case "$action" in
    synth) build_jar "";;
    # Lambda runs the official SDK; the local one is for tests only.
    deploy)
        build_jar "-Ddurable.sdk=aws"
        # The module's classes are now compiled against the official SDK: let the grader rebuild them.
        rm -f "$dir/target/grader.classpath"
        ;;
    # The app needs a jar to synthesize even when deleting; any build of it will do.
    destroy) [ -f "$dir/target/function.jar" ] || build_jar "";;
    *) die "$(t "Unknown action \"$action\": use synth, deploy or destroy." "不明な操作 \"$action\" です。synth、deploy、destroy のいずれかを指定してください。")";;
esac

cdk="$ROOT/node_modules/.bin/cdk"
# The CDK libraries print a large end-of-life banner on Node 20, which the course still supports; the README
# recommends Node 22 or newer for deploying.
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
[ -x "$cdk" ] || die "$(t "The CDK CLI is missing from node_modules; run \`make setup\`." \
                          "node_modules に CDK CLI がありません。\`make setup\` を実行してください。")"
cd "$infra"
case "$action" in
    synth)
        # A fresh cdk.out, so the list below shows only this stage's template.
        rm -rf cdk.out
        "$cdk" synth --quiet --context track="$track" --context stage="$stage"
        t "Template written to $(rel "$infra")/cdk.out:" "テンプレートを $(rel "$infra")/cdk.out に書き出しました:"
        echo
        for template in cdk.out/*.template.json; do
            # Without a match the pattern stays as it is; `if` keeps that from becoming the script's exit status.
            if [ -f "$template" ]; then echo "  $(rel "$infra")/$template"; fi
        done
        ;;
    # The track context gives a solution its own stack name (<prefix>-solution-<stage>), next to the learner's;
    # the stage context picks the settings and ends the name.
    deploy) "$cdk" deploy --context track="$track" --context stage="$stage" ${profile:+--profile "$profile"};;
    destroy) "$cdk" destroy --context track="$track" --context stage="$stage" ${profile:+--profile "$profile"};;
esac
