#!/usr/bin/env bash
# Installs the browser that the browser tests drive: Debian's chromium and chromium-driver, nothing downloaded at
# test time. Does nothing when both are there. Installing needs root (CI runs as root); a learner without root gets
# one sentence, and `make test` then skips the browser tests with the same advice.
# Usage: browser-setup.sh
. "$(dirname "$0")/lib.sh"

# Debian installs both on PATH; the browser tests start them from there (see Browser.java in browser-tests).
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    say "$(t "The browser tests need Debian's chromium and chromium-driver; install them as root with \`sudo $(rel "$0")\` (without them \`make test\` skips the browser tests)." \
             "ブラウザーのテストには Debian の chromium と chromium-driver が必要です。root で \`sudo $(rel "$0")\` を実行してインストールしてください（ないと \`make test\` はブラウザーのテストを飛ばします）。")"
    exit 0
fi
say "$(t "Installing chromium and chromium-driver (apt-get)" "chromium と chromium-driver をインストールしています（apt-get）")"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends chromium chromium-driver >/dev/null \
    || die "$(t "apt-get could not install chromium and chromium-driver." "apt-get で chromium と chromium-driver をインストールできませんでした。")"
chromium --version 2>/dev/null | sed -n 1p
