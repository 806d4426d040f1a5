#!/usr/bin/env bash
# Checks the tools the course needs before anything runs, so a missing JDK or an old Node.js
# shows up as one sentence instead of a stack trace halfway through a build.
. "$(dirname "$0")/lib.sh"

# The checks start Java and Node, a quarter of a second that every `make check-lesson` would pay; they are
# skipped while the same binaries (same paths, sizes and dates) are on the PATH as when they last passed.
tools() {
    local found
    found=$(command -v java javac node npm 2>/dev/null) || true
    printf '%s\n' "$found"
    # shellcheck disable=SC2086 # one path per word
    [ -z "$found" ] || ls -lL $found 2>/dev/null
}
passed_stamp=$PREFLIGHT_STAMP
tools_now=$(tools)
if [ -f "$passed_stamp" ] && [ "$(cat "$passed_stamp")" = "$tools_now" ]; then
    exit 0
fi

java_major() {
    # "17.0.15", "21", or the old "1.8.0_392" style.
    local version
    version=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
    case "$version" in
        1.*) version=${version#1.};;
    esac
    printf '%s' "${version%%.*}"
}

if ! command -v java >/dev/null 2>&1; then
    die "$(t "Java was not found: install a JDK 17 or newer (for example Amazon Corretto 17 or 21) and put its bin directory on your PATH." \
             "Java が見つかりません。JDK 17 以上（たとえば Amazon Corretto 17 や 21）をインストールし、その bin ディレクトリを PATH に追加してください。")"
fi
major=$(java_major)
if [ -z "$major" ] || [ "$major" -lt 17 ]; then
    die "$(t "Java ${major:-?} is too old: install a JDK 17 or newer (for example Amazon Corretto 17 or 21) and make it the java on your PATH." \
             "Java ${major:-?} は古すぎます。JDK 17 以上（たとえば Amazon Corretto 17 や 21）をインストールし、\`PATH\` で最初に見つかる java がそれになるようにしてください。")"
fi
if ! command -v javac >/dev/null 2>&1; then
    die "$(t "Only a Java runtime was found, not a JDK: install a JDK 17 or newer (it includes javac) and put it on your PATH." \
             "Java の実行環境だけがあり、JDK がありません。JDK 17 以上（javac を含みます）をインストールして PATH に追加してください。")"
fi
if ! command -v node >/dev/null 2>&1; then
    die "$(t "Node.js was not found: install Node.js 20 or newer (it also provides npm and npx)." \
             "Node.js が見つかりません。Node.js 20 以上（npm と npx も付いてきます）をインストールしてください。")"
fi
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
    die "$(t "Node.js $(node --version 2>/dev/null) is too old: install Node.js 20 or newer." \
             "Node.js $(node --version 2>/dev/null) は古すぎます。Node.js 20 以上をインストールしてください。")"
fi
command -v npm >/dev/null 2>&1 || die "$(t "npm was not found: install Node.js 20 or newer with npm." \
                                           "npm が見つかりません。npm 付きの Node.js 20 以上をインストールしてください。")"
mkdir -p "$ROOT/.workshop"
printf '%s\n' "$tools_now" > "$passed_stamp"
