#!/usr/bin/env bash
# Lesson 2 demo against the deployed stack: submits the four sample orders and shows how each execution ended.
#
#   scripts/demo.sh [--profile NAME] [--region REGION] [--stage dev|prod] [--run-id ID]
#
# The orders are the JSON files in ../src/test/resources/orders (the same ones the lesson's tests use):
# success, payment declined, insufficient inventory and validation failure. Each one starts a durable
# execution of the orchestrator's alias, asynchronously, named <orderId>-<run id>. Re-running with the same
# --run-id returns the executions that already exist instead of starting new ones.
set -euo pipefail

usage() {
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
}

die() {
  echo "demo: $*" >&2
  exit 1
}

PROFILE="${AWS_PROFILE:-}"
REGION=""
STAGE="${STAGE:-dev}"
RUN_ID=""

while [ $# -gt 0 ]; do
  case "$1" in
    --profile) [ $# -ge 2 ] || die "--profile needs a profile name"; PROFILE="$2"; shift 2 ;;
    --region) [ $# -ge 2 ] || die "--region needs a region, for example us-east-1"; REGION="$2"; shift 2 ;;
    --stage) [ $# -ge 2 ] || die "--stage needs a stage, dev or prod"; STAGE="$2"; shift 2 ;;
    --run-id)
      [ $# -ge 2 ] || die "--run-id needs a value"
      case "$2" in ''|*[!a-zA-Z0-9_-]*) die "--run-id may hold only letters, digits, - and _, not '$2'" ;; esac
      RUN_ID="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument '$1'" ;;
  esac
done

# Run from the infra folder whatever the caller's working directory.
cd "$(dirname "$0")/.."
# STACK (of the stage), AWS and stack_output, shared with the other lessons' demos.
. ../../../shared-infra/scripts/demo-lib.sh
ORDERS_DIR=../src/test/resources/orders
ls "$ORDERS_DIR"/*.json >/dev/null 2>&1 || die "no order files in $ORDERS_DIR."

if ! ALIAS_ARN=$(stack_output OrchestratorAliasArn 2>/dev/null) || [ -z "$ALIAS_ARN" ] || [ "$ALIAS_ARN" = "None" ]; then
  die "stack '$STACK' was not found with this profile/region; deploy it first with: make deploy LESSON=2$TARGET_ARG"
fi
FUNCTION=$(stack_output OrchestratorFunctionName)
LOG_GROUP=$(stack_output OrchestratorLogGroupName)
RUN_ID="${RUN_ID:-$(date -u +%Y%m%d-%H%M%S)}"
RESPONSE_FILE=$(mktemp)
trap 'rm -f "$RESPONSE_FILE"' EXIT

echo "Submitting the sample orders to $ALIAS_ARN (run id $RUN_ID)"
NAMES=()
ARNS=()
LABELS=()
for file in "$ORDERS_DIR"/*.json; do
  order_id=$(sed -n '/"orderId"/{s/.*"orderId"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p;q;}' "$file")
  [ -n "$order_id" ] || die "$file has no \"orderId\"."
  label=$(basename "$file" .json | sed 's/^order-[0-9]*-//')
  name="${order_id}-${RUN_ID}"
  # Asynchronous start by qualified ARN; the execution name is the idempotency key of the start.
  arn=$("${AWS[@]}" lambda invoke \
    --function-name "$ALIAS_ARN" \
    --invocation-type Event \
    --durable-execution-name "$name" \
    --payload "fileb://$file" \
    --query DurableExecutionArn --output text \
    "$RESPONSE_FILE")
  if [ -z "$arn" ] || [ "$arn" = "None" ]; then
    arn=$("${AWS[@]}" lambda list-durable-executions-by-function --function-name "$FUNCTION" \
      --qualifier live --durable-execution-name "$name" \
      --query 'DurableExecutions[0].DurableExecutionArn' --output text)
  fi
  printf '  %-24s %-36s %s\n' "$label" "$name" "$arn"
  NAMES+=("$name")
  ARNS+=("$arn")
  LABELS+=("$label")
done

echo "Waiting for the executions to end (each invoke of a worker suspends the orchestrator until it answers)"
for (( i = 0; i < 36; i++ )); do  # up to 6 minutes
  running=0
  for arn in "${ARNS[@]}"; do
    status=$("${AWS[@]}" lambda get-durable-execution --durable-execution-arn "$arn" --query Status --output text)
    [ "$status" = "RUNNING" ] && running=$(( running + 1 ))
  done
  [ "$running" -eq 0 ] && break
  echo "  $(date -u +%H:%M:%S) $running still running..."
  sleep 10
done

for idx in "${!ARNS[@]}"; do
  echo
  echo "== ${LABELS[$idx]}: ${NAMES[$idx]}"
  "${AWS[@]}" lambda get-durable-execution --durable-execution-arn "${ARNS[$idx]}" \
    --query '{Status: Status, Result: Result, ErrorType: Error.ErrorType, ErrorMessage: Error.ErrorMessage}' \
    --output json
  echo "   operations:"
  "${AWS[@]}" lambda get-durable-execution-history --durable-execution-arn "${ARNS[$idx]}" \
    --query 'Events[].[EventType, Name]' --output text | sed 's/^/     /'
done

echo
echo "Logs of the orchestrator: aws logs tail $LOG_GROUP --since 15m (AWS CLI v2)"
