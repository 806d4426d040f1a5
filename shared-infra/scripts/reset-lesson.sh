#!/usr/bin/env bash
# Restores a lesson's exercise files (the ones lesson.json lists) from git, after asking: from the branch the
# clone tracks, so work the learner committed is undone too.
# Usage: reset-lesson.sh N
. "$(dirname "$0")/lib.sh"

dir=$(lesson_dir lessons "${1:-}")
where=$(rel "$dir")
command -v git >/dev/null 2>&1 || die "$(t "git was not found: install git to restore the lesson files." \
                                           "git が見つかりません。レッスンのファイルを元に戻すには git をインストールしてください。")"

listed=$("$SCRIPTS/grader-tool.sh" --lesson-dir "$dir" --exercise-files)
# One path per line; an array keeps a path with spaces or glob characters in one piece.
files=()
while IFS= read -r file; do
    if [ -n "$file" ]; then files+=("$file"); fi
done <<< "$listed"
[ "${#files[@]}" -gt 0 ] || die "$(t "$where/lesson.json lists no exercise files, so there is nothing to reset." \
                            "$where/lesson.json に演習ファイルがないので、元に戻すものはありません。")"

# The skeleton as the course shipped it: the branch this clone tracks (a learner may have committed their
# work on top of it), or HEAD in a clone without one.
origin_ref=$(git -C "$dir" rev-parse --abbrev-ref --symbolic-full-name '@{upstream}' 2>/dev/null) || origin_ref=HEAD
[ -n "$origin_ref" ] || origin_ref=HEAD

t "This restores these files of $where to the original skeleton (as in $origin_ref); your changes in them are lost:" \
  "$where の次のファイルを元のスケルトン（$origin_ref の内容）に戻します。これらのファイルへの変更は失われます:"
echo
printf '  %s\n' "${files[@]}"
t 'Type "yes" to continue: ' '続けるには "yes" と入力してください: '
read -r answer || answer=""
if [ "$answer" != "yes" ]; then
    t "Nothing was changed." "何も変更していません。"
    echo
    exit 0
fi
# The paths in lesson.json are relative to the lesson module.
(cd "$dir" && git checkout "$origin_ref" -- "${files[@]}") || die "$(t "git could not restore the files (is this a git clone of the course?)." \
                                                        "git でファイルを戻せませんでした（コースを git clone したディレクトリですか?）。")"
number=$((10#$(basename "$dir" | cut -d- -f1)))
# A skeleton has TODO markers; without any, $origin_ref holds someone's finished work, not the course's files.
if ! (cd "$dir" && grep -q "TODO $number\." "${files[@]}" 2>/dev/null); then
    die "$(t "The files from $origin_ref have no TODO $number.x markers, so they are not the skeleton (were your solutions committed there?). Find the course's version with \`git log -- <file>\` and restore it with \`git checkout <commit> -- <file>\`." \
             "$origin_ref から戻したファイルに TODO $number.x の印がないため、スケルトンではありません（解答をそこにコミットしましたか?）。\`git log -- <ファイル>\` でコースの版を探し、\`git checkout <コミット> -- <ファイル>\` で戻してください。")"
fi
t "Restored. Run \`make check-lesson LESSON=$number\` to see the scorecard again." \
  "元に戻しました。\`make check-lesson LESSON=$number\` でもう一度スコアカードを確認できます。"
echo
