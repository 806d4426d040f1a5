#!/usr/bin/env bash
# Prints the hint of one exercise, or of the first exercise not solved at the last check.
# Usage: hint.sh N [n.m]
. "$(dirname "$0")/lib.sh"

dir=$(lesson_dir lessons "${1:-}")
exec "$SCRIPTS/grader-tool.sh" --root "$ROOT" --lesson-dir "$dir" --hint ${2:+"$2"}
