#!/usr/bin/env bash
# Lesson 4 demo against the deployed stack: applies for Alice, Bob and Charlie through the HTTP API, shows
# their status, approves Alice as a manager (IAM-signed POST /approve) and shows how each application ended.
#
#   scripts/demo.sh [--profile NAME] [--region REGION] [--run-id ID]
#
# Each application id is <name>-<run id>, and the API starts one durable execution of that name; re-running with
# the same --run-id finds the applications that exist instead of starting new ones. POST /approve is signed with
# your own credentials (curl --aws-sigv4), so they need execute-api:Invoke on it: the stack's ApproverPolicyArn
# output is a managed policy that allows exactly that.
set -euo pipefail

usage() {
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
}

die() {
  echo "demo: $*" >&2
  exit 1
}

PROFILE="${AWS_PROFILE:-}"
REGION=""
RUN_ID=""

while [ $# -gt 0 ]; do
  case "$1" in
    --profile) [ $# -ge 2 ] || die "--profile needs a profile name"; PROFILE="$2"; shift 2 ;;
    --region) [ $# -ge 2 ] || die "--region needs a region, for example us-east-1"; REGION="$2"; shift 2 ;;
    --run-id)
      [ $# -ge 2 ] || die "--run-id needs a value"
      case "$2" in ''|*[!a-zA-Z0-9_-]*) die "--run-id may hold only letters, digits, - and _, not '$2'" ;; esac
      RUN_ID="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument '$1'" ;;
  esac
done

command -v curl >/dev/null 2>&1 || die "curl is not installed (version 7.75 or newer signs requests with --aws-sigv4)."
# Run from the infra folder whatever the caller's working directory.
cd "$(dirname "$0")/.."
# STACK, AWS and stack_output, shared with the other lessons' demos.
. ../../../shared-infra/scripts/demo-lib.sh

if ! API=$(stack_output ApiUrl 2>/dev/null) || [ -z "$API" ] || [ "$API" = "None" ]; then
  die "stack '$STACK' was not found with this profile/region; deploy it first with: make deploy LESSON=4$TARGET_ARG"
fi
LOG_GROUP=$(stack_output WorkflowLogGroupName)
API_REGION=$("${AWS[@]}" configure get region || true)
API_REGION="${REGION:-${API_REGION:-${AWS_REGION:-${AWS_DEFAULT_REGION:-}}}}"
[ -n "$API_REGION" ] || die "no region: pass --region or configure one for the profile."
RUN_ID="${RUN_ID:-$(date -u +%Y%m%d-%H%M%S)}"

apply() {  # id-prefix sin amount "applicant name"
  local id="$1-$RUN_ID"
  printf '  POST /apply %-28s ' "$id"
  curl -sS -X POST "$API/apply" -H 'content-type: application/json' \
    -d "{\"applicationId\":\"$id\",\"applicantName\":\"$4\",\"sin\":\"$2\",\"amount\":$3}"
  echo
}

status() {  # id
  curl -sS "$API/status/$1"
  echo
}

show_statuses() {
  for name in alice bob charlie; do
    echo "== GET /status/$name-$RUN_ID"
    status "$name-$RUN_ID"
  done
}

echo "Applying through $API (run id $RUN_ID)"
apply alice 046-451-111 150000 "Alice Johnson"
apply bob 046-452-222 50000 "Bob Martinez"
apply charlie 046-453-333 25000 "Charlie Wilson"

echo "Waiting for Alice to reach the manager's approval (credit checks take a few seconds)"
for (( i = 0; i < 30; i++ )); do
  body=$(status "alice-$RUN_ID")
  case "$body" in *'"awaitingApproval":true'*) break ;; esac
  sleep 2
done
show_statuses

echo
echo "Approving Alice as a manager: POST /approve signed with your credentials (IAM authorization)"
CREDENTIALS=$("${AWS[@]}" configure export-credentials --format env-no-export) \
  || die "cannot read your credentials (aws configure export-credentials needs AWS CLI v2)."
eval "$CREDENTIALS"
SIGN=(--aws-sigv4 "aws:amz:$API_REGION:execute-api" --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY")
[ -n "${AWS_SESSION_TOKEN:-}" ] && SIGN+=(-H "x-amz-security-token: $AWS_SESSION_TOKEN")
curl -sS "${SIGN[@]}" -X POST "$API/approve" -H 'content-type: application/json' \
  -d "{\"applicationId\":\"alice-$RUN_ID\",\"approved\":true,\"comment\":\"demo approval\"}"
echo

echo "Waiting for the fraud checks and the final decisions"
for (( i = 0; i < 30; i++ )); do
  pending=0
  for name in alice bob charlie; do
    case "$(status "$name-$RUN_ID")" in *'"decision"'*) ;; *) pending=$(( pending + 1 )) ;; esac
  done
  [ "$pending" -eq 0 ] && break
  sleep 2
done
show_statuses

echo
echo "Logs of the workflow: aws logs tail $LOG_GROUP --since 15m (AWS CLI v2)"
