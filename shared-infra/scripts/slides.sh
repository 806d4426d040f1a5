#!/usr/bin/env bash
# `make slides`: renders the Marp decks in slides/ to HTML in slides/dist/ (add --pdf by hand for PDF;
# that needs Chromium or Chrome).
. "$(dirname "$0")/lib.sh"

"$SCRIPTS/preflight.sh"
"$SCRIPTS/setup.sh" --node-only
mkdir -p "$ROOT/slides/dist"
for deck in "$ROOT"/slides/workshop*.md; do
    out="$ROOT/slides/dist/$(basename "$deck" .md).html"
    "$ROOT/node_modules/.bin/marp" "$deck" -o "$out"
done
