#!/usr/bin/env bash
# Prints the next level of one exercise's hint (the concept, the API, the code), or of the first exercise not
# solved at the last check. The grader remembers the level per exercise in .workshop/progress.json.
# Usage: hint.sh N [n.m]
. "$(dirname "$0")/lib.sh"

dir=$(lesson_dir lessons "${1:-}")
exec "$SCRIPTS/grader-tool.sh" --root "$ROOT" --lesson-dir "$dir" --hint ${2:+"$2"}
