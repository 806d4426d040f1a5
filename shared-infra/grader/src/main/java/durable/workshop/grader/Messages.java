package durable.workshop.grader;

import java.util.Map;

/** Every text the grader prints, in English and Japanese. Placeholders are String.format ones. */
final class Messages {

    private static final Map<String, String[]> TEXT = Map.ofEntries(
            entry("header", "Lesson %d — %s", "レッスン %d — %s"),
            entry("ran", "(%d tests in %.1f s)", "（テスト %d 件、%.1f 秒）"),
            entry("firstUnsolved", "Next exercise: %s %s", "次の演習: %s %s"),
            entry("test", "Test", "テスト"),
            entry("failure", "What failed", "失敗の内容"),
            entry("where", "In your code", "あなたのコードの該当箇所"),
            entry("hint", "Hint", "ヒント"),
            entry("read", "Read", "参照"),
            entry("todoAt", "Your TODO", "TODO の場所"),
            entry("trace", "Durable execution trace (the failing run)", "リプレイトレース（失敗した実行）"),
            // The trace itself is durable-local's English, like the operation names in the code; Japanese
            // readers get its few keywords explained once.
            entry("traceLegend", "",
                    "（invocation = Lambda の 1 回の呼び出し、ran = コードを実行、replayed = チェックポイントの結果を再利用、"
                            + "suspended = 呼び出しを中断）"),
            entry("score", "Score: %d/%d exercises", "スコア: 演習 %d/%d"),
            entry("nextFix", "Next: edit the code at the TODO above, then run `%s` again.",
                    "次にやること: 上の TODO の箇所を書き換えて、もう一度 `%s` を実行してください。"),
            entry("allDone", "All exercises solved. Well done!", "すべての演習を完了しました。お見事です!"),
            entry("nextLesson", "Next: deploy it with `make deploy LESSON=%d`, or go on with `make check-lesson LESSON=%d`.",
                    "次にやること: `make deploy LESSON=%d` でデプロイするか、`make check-lesson LESSON=%d` で次のレッスンへ進みましょう。"),
            entry("lastLesson", "Next: deploy it with `make deploy LESSON=%d` (see the lesson README).",
                    "次にやること: `make deploy LESSON=%d` でデプロイしてみましょう（レッスンの README を参照）。"),
            entry("solutionDone", "Next: deploy the solution with `make deploy LESSON=%d TARGET=solutions` (see the lesson README).",
                    "次にやること: `make deploy LESSON=%d TARGET=solutions` で模範解答をデプロイしてみましょう（レッスンの README を参照）。"),
            entry("traceCut", "… %d lines not shown …", "…（%d 行を省略）…"),
            entry("noTests", "no graded test found for this exercise", "この演習の採点テストが見つかりません"),
            entry("notRun", "the test did not run: %s", "テストが実行されませんでした: %s"),
            entry("timedOut", "the test did not finish within %d s (an endless loop or a wait that never ends?)",
                    "テストが %d 秒以内に終わりませんでした（無限ループや終わらない待機はありませんか?）"),
            entry("unexpected", "unexpected exception %s", "予期しない例外 %s"),
            entry("noHint", "No hint for exercise %s.", "演習 %s のヒントはありません。"),
            entry("unknownExercise", "Exercise %s is not in lesson %d; its exercises are: %s.",
                    "演習 %s はレッスン %d にありません。演習は次のとおりです: %s。"),
            entry("hintFor", "Hint for %s %s", "演習 %s「%s」のヒント"),
            entry("hintHeader", "Hint %d/%d for %s %s%s", "演習 %3$s「%4$s」のヒント %1$d/%2$d%5$s"),
            entry("hintLevelOf", "Hint %d/%d", "ヒント %d/%d"),
            entry("hintLevel1", " (the concept)", "（考え方）"),
            entry("hintLevel2", " (the API to use)", "（使う API）"),
            entry("hintLevel3", " (the code)", "（コード）"),
            entry("hintAgain", "  Still stuck? `%s` shows hint %d/%d%s.",
                    "  まだ分からなければ、`%s` でヒント %d/%d%sを表示します。"),
            entry("hintLast", "  This is the last level; asking again shows it again.",
                    "  これが最後の段階です。もう一度実行しても同じヒントを表示します。"),
            entry("hintMore", "  More help: `make hint LESSON=%d` shows the next hint level, one more each time you ask.",
                    "  さらに詳しく: `make hint LESSON=%d` を実行するたびに、ヒントを 1 段階ずつ詳しく表示します。"),
            entry("hintAllPassed", "Every exercise of lesson %d passed at your last check. For the hint of one exercise: `make hint LESSON=%d EX=%s`.",
                    "前回のチェックで、レッスン %d の演習はすべて合格しています。特定の演習のヒントは `make hint LESSON=%d EX=%s` で表示できます。"),
            entry("hintBasis", "(The first exercise not passed at your last check; run `make check-lesson LESSON=%d` to refresh.)",
                    "（前回のチェックで合格していなかった最初の演習です。`make check-lesson LESSON=%d` で最新の状態に更新できます。）"),
            entry("progressTitle", "Workshop progress", "ワークショップの進捗"),
            entry("notStarted", "not started", "未着手"),
            entry("solved", "%d/%d exercises", "演習 %d/%d"),
            entry("lastGraded", "last graded %s", "最終採点 %s"),
            entry("progressNext", "Next: `make check-lesson LESSON=%d`", "次にやること: `make check-lesson LESSON=%d`"),
            entry("noLessons", "No lessons found under %s.", "%s にレッスンが見つかりません。"),
            entry("progressDone", "Every lesson is solved. Congratulations!", "すべてのレッスンを完了しました。おめでとうございます!"),
            entry("modeTodo", "Checking that every exercise fails with its own TODO (skeleton check)",
                    "各演習が対応する TODO で失敗することを確認します（スケルトンの確認）"),
            entry("modePass", "Checking that every exercise passes (solution check)",
                    "すべての演習が合格することを確認します（解答の確認）"),
            entry("problemPassed", "%s: the test passes on the skeleton; it must fail with `%s`",
                    "%s: スケルトンでテストが合格しています。`%s` で失敗する必要があります"),
            entry("verdictSolvedHere", "If you solved exercises in this clone, this is expected: this check wants the lesson as "
                            + "shipped. Grade your work with `make check-lesson`; `make reset-lesson` restores the skeleton.",
                    "このクローンで演習を解いた場合は、これで正常です。この確認は配布時のままのレッスンを前提にしています。"
                            + "自分の解答は `make check-lesson` で採点してください。`make reset-lesson` でスケルトンに戻せます。"),
            entry("problemNoTodo", "%s: the failure does not mention `%s`: %s",
                    "%s: 失敗メッセージに `%s` が含まれていません: %s"),
            entry("problemOtherTodo", "%s: the failure mentions another exercise's %s: %s",
                    "%s: 失敗メッセージに別の演習の %s が含まれています: %s"),
            entry("problemNpe", "%s: fails with a NullPointerException, not with its TODO: %s",
                    "%s: TODO ではなく NullPointerException で失敗しています: %s"),
            entry("problemTimeout", "%s: timed out instead of failing with its TODO",
                    "%s: TODO で失敗せずにタイムアウトしました"),
            entry("problemCompile", "%s: fails with a compile or class loading error: %s",
                    "%s: コンパイルエラーまたはクラス読み込みエラーで失敗しています: %s"),
            entry("problemFailed", "%s: fails: %s", "%s: 失敗しています: %s"),
            entry("problemNoTest", "exercise %s has no graded test", "演習 %s に採点テストがありません"),
            entry("problemManyTags", "%s has more than one exercise tag: %s", "%s に演習タグが複数あります: %s"),
            entry("problemUnknownTag", "%s is tagged with exercise %s, which lesson.json does not list",
                    "%s のタグの演習 %s は lesson.json にありません"),
            entry("problemHint", "exercise %s needs every hint level in English and Japanese",
                    "演習 %s には、すべての段階のヒントが英語と日本語で必要です"),
            entry("problemTitle", "exercise %s needs a title in English and Japanese", "演習 %s には英語と日本語のタイトルが必要です"),
            entry("problemAnchor", "exercise %s: README.md has no section with the anchor #%s",
                    "演習 %s: README.md にアンカー #%s の見出しがありません"),
            entry("problemNotRun", "%s did not run: %s", "%s が実行されませんでした: %s"),
            entry("verdictOk", "OK: %s", "OK: %s"),
            entry("verdictTodoOk", "all %d exercises fail with their own TODO", "演習 %d 個すべてが、それぞれの TODO で失敗します"),
            entry("verdictPassOk", "all %d exercises pass", "演習 %d 個すべてが合格します"),
            entry("verdictFailed", "FAILED: %d problem(s) in %s", "失敗: %2$s に %1$d 件の問題があります"),
            entry("usage", """
                    Usage: Grader [--lesson-dir DIR] [--root DIR] [--lang en|ja] [--timeout SECONDS] [--no-progress] [--verbose]
                                  [--compile | --compile-all | --watch]
                                  [--expect-todo | --expect-pass | --progress | --hint [N.M] | --exercise-files | --pack-classpath]
                    """, """
                    使い方: Grader [--lesson-dir DIR] [--root DIR] [--lang en|ja] [--timeout 秒] [--no-progress] [--verbose]
                                  [--compile | --compile-all | --watch]
                                  [--expect-todo | --expect-pass | --progress | --hint [N.M] | --exercise-files | --pack-classpath]
                    """),
            entry("badOption", "Unknown option %s.", "不明なオプション %s です。"),
            entry("badValue", "Option %s needs a value.", "オプション %s には値が必要です。"),
            entry("badTimeout", "--timeout must be a whole number of seconds above 0, not %s.",
                    "--timeout には 0 より大きい秒数（整数）を指定してください（指定値: %s）。"),
            entry("lessonMissing", "%s not found; pass the lesson module with --lesson-dir.",
                    "%s が見つかりません。--lesson-dir でレッスンのモジュールを指定してください。"),
            entry("lessonJson", "%s is not valid JSON: %s", "%s は正しい JSON ではありません: %s"),
            entry("lessonField", "%s: the field `%s` is missing or empty.", "%s: フィールド `%s` がないか空です。"),
            entry("lessonList", "%s: `%s` must be a list ([...]).", "%s: `%s` はリスト([...])にしてください。"),
            entry("lessonPath", "%s: `%s` must be a file path relative to the lesson module.",
                    "%s: `%s` にはレッスンのモジュールからの相対パスを指定してください。"),
            entry("compiling", "Compiling %s", "%s をコンパイルしています"),
            entry("compileErrors", "The code does not compile yet:", "コードがまだコンパイルできません:"),
            entry("compileFix", "Fix the errors above, then run the command again.",
                    "上のエラーを直してから、もう一度コマンドを実行してください。"),
            entry("nextFixWatch", "Next: edit the code at the TODO above and save.",
                    "次にやること: 上の TODO の箇所を書き換えて保存してください。"),
            entry("watchFix", "Fix the errors above and save: the lesson is graded again.",
                    "上のエラーを直して保存すると、もう一度採点します。"),
            entry("watching", "Watching %s: every save grades the lesson again. Press Ctrl-C to stop.",
                    "%s を監視しています。保存するたびに採点し直します。Ctrl-C で終了します。"),
            entry("watchMaven", "%s changed: rebuilding with Maven.", "%s が変更されたため、Maven でビルドし直します。"),
            entry("watchRestart", "A test left a thread running (%s; an endless loop?): the next save grades in a fresh JVM.",
                    "テストが終わらないスレッド（%s）を残しました。無限ループでしょうか? 次の保存からは新しい JVM で採点します。"),
            entry("error", "Error: %s", "エラー: %s"));

    private Messages() {
    }

    private static Map.Entry<String, String[]> entry(String key, String en, String ja) {
        return Map.entry(key, new String[] {en, ja});
    }

    static String get(Lang lang, String key, Object... args) {
        String[] texts = TEXT.get(key);
        if (texts == null) {
            throw new IllegalArgumentException("No message " + key);
        }
        return String.format(java.util.Locale.ROOT, texts[lang.ordinal()], args);
    }
}
