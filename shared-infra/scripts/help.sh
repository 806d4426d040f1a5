#!/usr/bin/env bash
# `make help`: the targets, in the learner's language (WORKSHOP_LANG=ja or a Japanese locale).
. "$(dirname "$0")/lib.sh"

# row TARGET ENGLISH JAPANESE [EXAMPLE]; the example follows the text, since Japanese text has no fixed width.
row() {
    printf '  %-38s %s%s\n' "$1" "$(t "$2" "$3")" "${4:+  ($4)}"
}

t "Usage: make <target> [VARIABLE=value]" "使い方: make <ターゲット> [変数=値]"
echo
echo
row "check-lesson LESSON=n" "Grade your work on lesson n" "レッスン n の課題を採点する" "make check-lesson LESSON=1"
row "hint LESSON=n [EX=n.m]" "Show a hint (default: the first open exercise)" "ヒントを表示する（既定: 最初の未完了の演習）" "make hint LESSON=1 EX=1.2"
row "progress" "Show your progress in every lesson" "全レッスンの進み具合を表示する" ""
row "reset-lesson LESSON=n" "Restore lesson n's exercise files" "レッスン n の演習ファイルを元に戻す" "make reset-lesson LESSON=1"
row "check-solution LESSON=n" "Grade the reference solution" "模範解答を採点する" "make check-solution LESSON=1"
row "synth LESSON=n [TARGET=solutions]" "Write the CDK template (no AWS needed)" "CDK テンプレートを書き出す（AWS 不要）" "make synth LESSON=1"
row "deploy LESSON=n [TARGET=] [PROFILE=]" "Deploy the lesson's stack to AWS" "レッスンのスタックを AWS にデプロイする" "make deploy LESSON=1 PROFILE=dev"
row "destroy LESSON=n [TARGET=] [PROFILE=]" "Delete the deployed stack" "デプロイしたスタックを削除する" "make destroy LESSON=1 PROFILE=dev"
row "run LESSON=n [TIME_SCALE=60]" "Run the lesson's system locally (no AWS)" "レッスンのシステムをローカルで動かす（AWS 不要）" "make run LESSON=1"
row "demo LESSON=n [LOCAL=1] [PROFILE=]" "Run the lesson's demo on AWS, or locally" "レッスンのデモを AWS かローカルで実行する" "make demo LESSON=1 LOCAL=1"
row "slides" "Render the slides to slides/dist/" "スライドを slides/dist/ に書き出す" ""
row "setup" "Install the Node tools, build shared modules" "Node ツールを入れ、共有モジュールをビルドする" ""
row "test" "Verify the course as shipped (what CI runs)" "配布時のままのコース全体を検証する（CI と同じ）" ""
echo
t "TARGET is lessons (default) or solutions. WORKSHOP_LANG=ja (or a Japanese LANG) switches to Japanese." \
  "TARGET は lessons（既定）か solutions。WORKSHOP_LANG=en で英語表示になります。"
echo
