#!/usr/bin/env bash
# Installs what the course needs, skipping whatever is already up to date:
#   - the Node tools (dynalite, the CDK CLI, Marp) from package-lock.json;
#   - the shared Maven modules into the local Maven repository, so a lesson builds on its own.
# Usage: setup.sh [--node-only]
. "$(dirname "$0")/lib.sh"

node_setup() {
    # npm records the installed tree in node_modules/.package-lock.json; older than the lockfile = outdated.
    local installed="$ROOT/node_modules/.package-lock.json"
    if [ ! -f "$installed" ] || [ "$ROOT/package-lock.json" -nt "$installed" ] || [ ! -f "$ROOT/node_modules/dynalite/cli.js" ]; then
        say "$(t "Installing the Node tools (npm ci)" "Node のツールをインストールしています(npm ci)")"
        (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
    fi
}

maven_setup() {
    local stamp="$ROOT/.workshop/setup.stamp" changed
    # Reinstall only when the shared modules or the poms changed since the last setup
    # (shared-infra/scripts is not a Maven module: editing a script needs no reinstall).
    if [ -f "$stamp" ]; then
        changed=$(find "$ROOT/pom.xml" "$ROOT/lessons/pom.xml" "$ROOT/solutions/pom.xml" "$ROOT/shared-infra" \
            \( -name target -o -name node_modules -o -name cdk.out -o -name scripts \) -prune \
            -o -type f -newer "$stamp" -print -quit 2>/dev/null)
        [ -z "$changed" ] && return 0
    fi
    say "$(t "Building and installing the shared modules (first time only, about a minute)" \
             "共有モジュールをビルドしてインストールしています（初回のみ、1 分ほど）")"
    local modules=shared-infra/durable-local,shared-infra/testkit,shared-infra/grader,shared-infra/cdk-constructs
    modules=$modules,shared-infra/course-module-parent,shared-infra/cdk-app-parent
    (cd "$ROOT" && "$MVNW" -q -B -ntp install -Dmaven.test.skip=true -pl "$modules" -am) \
        || die "$(t "Building the shared modules failed (see the Maven errors above)." \
                    "共有モジュールのビルドに失敗しました（上の Maven のエラーを見てください）。")"
    mkdir -p "$ROOT/.workshop"
    touch "$stamp"
}

"$SCRIPTS/preflight.sh"
node_setup
[ "${1:-}" = "--node-only" ] || maven_setup
