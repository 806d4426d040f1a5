#!/usr/bin/env bash
# Lesson 3 demo against the deployed stack: submit an order, list and inspect executions, approve or reject.
#
#   scripts/demo.sh [--profile NAME] [--region REGION] [--stage dev|prod] COMMAND [ARGS]
#
#   submit [FILE]                       start an execution for an order (default ../src/test/resources/orders/order-123.json),
#                                       named <orderId>-<UTC time>; prints the execution ARN
#   list                                the workflow's executions, newest first (list-durable-executions-by-function)
#   show ORDER_ID|EXECUTION_ARN         status, result and operation history of one execution (the newest for an order id)
#   approve ORDER_ID [APPROVER]         find the order's callback id in the order table and send callback success
#   reject ORDER_ID [APPROVER] [WHY]    the same with {"approved":false}: the order is cancelled
#   fail ORDER_ID [MESSAGE]             send callback failure, as a broken approval tool would
#   logs [MINUTES]                      the workflow's and the sandbox gateway's logs (the payment retries)
set -euo pipefail

usage() {
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
}

die() {
  echo "demo: $*" >&2
  exit 1
}

PROFILE="${AWS_PROFILE:-}"
REGION=""
STAGE="${STAGE:-dev}"
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) [ $# -ge 2 ] || die "--profile needs a profile name"; PROFILE="$2"; shift 2 ;;
    --region) [ $# -ge 2 ] || die "--region needs a region, for example ap-northeast-1"; REGION="$2"; shift 2 ;;
    --stage) [ $# -ge 2 ] || die "--stage needs a stage, dev or prod"; STAGE="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || { usage >&2; die "name a command"; }
COMMAND="$1"
shift

# Run from the infra folder whatever the caller's working directory.
cd "$(dirname "$0")/.."
# STACK (of the stage), AWS and stack_output, shared with the other lessons' demos.
. ../../../shared-infra/scripts/demo-lib.sh

if ! FUNCTION=$(stack_output WorkflowFunctionName 2>/dev/null) || [ -z "$FUNCTION" ] || [ "$FUNCTION" = "None" ]; then
  die "stack '$STACK' was not found with this profile/region; deploy it first with: make deploy LESSON=3$TARGET_ARG"
fi

order_id_ok() {
  case "$1" in ''|*[!a-zA-Z0-9_-]*) die "an order id has only letters, digits, - and _, not '$1'" ;; esac
}

# The callback id the workflow's submitter stored with the order; only while it waits for approval.
callback_of() {
  local table status
  table=$(stack_output OrdersTableName)
  status=$("${AWS[@]}" dynamodb get-item --table-name "$table" --consistent-read \
    --key "{\"orderId\":{\"S\":\"$1\"}}" --query 'Item.status.S' --output text)
  [ "$status" = "AWAITING_APPROVAL" ] || die "order $1 is ${status/None/not in the table}, not AWAITING_APPROVAL; nothing to answer."
  "${AWS[@]}" dynamodb get-item --table-name "$table" --consistent-read \
    --key "{\"orderId\":{\"S\":\"$1\"}}" --query 'Item.callbackId.S' --output text
}

# The newest execution whose name starts with the order id.
execution_of() {
  case "$1" in arn:*) echo "$1"; return ;; esac
  order_id_ok "$1"
  local arn
  arn=$("${AWS[@]}" lambda list-durable-executions-by-function --function-name "$FUNCTION" --qualifier live \
    --reverse-order --query "DurableExecutions[?starts_with(DurableExecutionName, '$1-')] | [0].DurableExecutionArn" \
    --output text)
  [ -n "$arn" ] && [ "$arn" != "None" ] || die "no execution of $FUNCTION is named after order $1."
  echo "$arn"
}

case "$COMMAND" in
  submit)
    file="${1:-../src/test/resources/orders/order-123.json}"
    [ -f "$file" ] || die "no order file $file."
    order_id=$(sed -n '/"orderId"/{s/.*"orderId"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p;q;}' "$file")
    order_id_ok "$order_id"
    name="$order_id-$(date -u +%Y%m%d-%H%M%S)"
    response=$(mktemp)
    trap 'rm -f "$response"' EXIT
    # Asynchronous start by qualified ARN: the execution waits for a person, far longer than 15 minutes.
    # The execution name is the start's idempotency key: the same name and payload return the same execution.
    "${AWS[@]}" lambda invoke --function-name "$(stack_output WorkflowAliasArn)" --invocation-type Event \
      --durable-execution-name "$name" --payload "fileb://$file" \
      --query DurableExecutionArn --output text "$response"
    echo "Started $name. Next: scripts/demo.sh show $order_id, then approve $order_id or reject $order_id."
    ;;
  list)
    "${AWS[@]}" lambda list-durable-executions-by-function --function-name "$FUNCTION" --qualifier live \
      --reverse-order --max-items 20 \
      --query 'DurableExecutions[].[DurableExecutionName, Status, StartTimestamp]' --output table
    ;;
  show)
    [ $# -ge 1 ] || die "show needs an order id or an execution ARN"
    arn=$(execution_of "$1")
    "${AWS[@]}" lambda get-durable-execution --durable-execution-arn "$arn" \
      --query '{Name: DurableExecutionName, Status: Status, Result: Result, Error: Error}' --output json
    echo "Operations:"
    "${AWS[@]}" lambda get-durable-execution-history --durable-execution-arn "$arn" \
      --query 'Events[].[EventTimestamp, EventType, Name]' --output text | sed 's/^/  /'
    ;;
  approve|reject)
    [ $# -ge 1 ] || die "$COMMAND needs an order id"
    order_id_ok "$1"
    approver="${2:-${USER:-approver}}"
    case "$approver" in *[!a-zA-Z0-9._@-]*) die "an approver name has only letters, digits and . _ @ -" ;; esac
    callback=$(callback_of "$1")
    if [ "$COMMAND" = approve ]; then
      result="{\"approved\":true,\"approver\":\"$approver\",\"comment\":\"approved from the demo script\"}"
    else
      why="${3:-rejected from the demo script}"
      case "$why" in *[\"\\]*) die "the reason may not contain quotes or backslashes" ;; esac
      result="{\"approved\":false,\"approver\":\"$approver\",\"comment\":\"$why\"}"
    fi
    # The result is JSON bytes; raw-in-base64-out lets the CLI take it as text.
    "${AWS[@]}" lambda send-durable-execution-callback-success --callback-id "$callback" \
      --cli-binary-format raw-in-base64-out --result "$result"
    echo "Sent $result for $1. Watch it continue: scripts/demo.sh show $1"
    ;;
  fail)
    [ $# -ge 1 ] || die "fail needs an order id"
    order_id_ok "$1"
    message="${2:-the approval tool crashed}"
    case "$message" in *[\"\\]*) die "the message may not contain quotes or backslashes" ;; esac
    callback=$(callback_of "$1")
    "${AWS[@]}" lambda send-durable-execution-callback-failure --callback-id "$callback" \
      --error "{\"ErrorType\":\"ApprovalToolError\",\"ErrorMessage\":\"$message\"}"
    echo "Sent a callback failure for $1."
    ;;
  logs)
    minutes="${1:-30}"
    case "$minutes" in ''|*[!0-9]*) die "logs takes a number of minutes" ;; esac
    for group in "$(stack_output WorkflowLogGroupName)" "$(stack_output PaymentSandboxLogGroupName)"; do
      echo "== $group"
      "${AWS[@]}" logs tail "$group" --since "${minutes}m" --format short
    done
    ;;
  *)
    usage >&2
    die "unknown command '$COMMAND'"
    ;;
esac
