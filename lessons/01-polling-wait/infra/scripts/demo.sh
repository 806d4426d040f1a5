#!/usr/bin/env bash
# Lesson 1 demo against the deployed stack: the durable function waits for an item to become "completed".
#
#   scripts/demo.sh [--profile NAME] [--region REGION] [--stage dev|prod] [--name EXECUTION_NAME]
#                   [--complete-after SECONDS]
#   scripts/demo.sh [--profile NAME] [--region REGION] [--stage dev|prod] reset   # delete the demo item only
#
# Steps: put pk=test-item with value "incomplete", start the durable execution through the alias (asynchronous,
# with an execution name), show the function's logs, put "completed", wait until the execution ends, show how
# it ended and its history, then delete the item again.
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
STAGE="${STAGE:-dev}"
NAME=""
COMPLETE_AFTER=""
COMMAND="run"
ITEM_KEY="test-item"

while [ $# -gt 0 ]; do
  case "$1" in
    --profile) [ $# -ge 2 ] || die "--profile needs a profile name"; PROFILE="$2"; shift 2 ;;
    --region) [ $# -ge 2 ] || die "--region needs a region, for example us-east-1"; REGION="$2"; shift 2 ;;
    --stage) [ $# -ge 2 ] || die "--stage needs a stage, dev or prod"; STAGE="$2"; shift 2 ;;
    --name) [ $# -ge 2 ] || die "--name needs an execution name"; NAME="$2"; shift 2 ;;
    --complete-after)
      [ $# -ge 2 ] || die "--complete-after needs a number of seconds"
      case "$2" in ''|*[!0-9]*) die "--complete-after must be a whole number of seconds, not '$2'" ;; esac
      COMPLETE_AFTER="$2"; shift 2 ;;
    reset|run) COMMAND="$1"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument '$1'" ;;
  esac
done

# Run from the infra folder whatever the caller's working directory.
cd "$(dirname "$0")/.."
# STACK (of the stage), AWS and stack_output, shared with the other lessons' demos.
. ../../../shared-infra/scripts/demo-lib.sh

if ! TABLE=$(stack_output TableName 2>/dev/null) || [ -z "$TABLE" ] || [ "$TABLE" = "None" ]; then
  die "stack '$STACK' was not found with this profile/region; deploy it first with: make deploy LESSON=1$TARGET_ARG"
fi
FUNCTION=$(stack_output FunctionName)
ALIAS_ARN=$(stack_output AliasArn)
LOG_GROUP=$(stack_output LogGroupName)

put_value() {
  "${AWS[@]}" dynamodb put-item --table-name "$TABLE" \
    --item "{\"pk\": {\"S\": \"$ITEM_KEY\"}, \"value\": {\"S\": \"$1\"}}"
  echo "  $TABLE: pk=$ITEM_KEY value=$1"
}

reset_item() {
  "${AWS[@]}" dynamodb delete-item --table-name "$TABLE" --key "{\"pk\": {\"S\": \"$ITEM_KEY\"}}"
  echo "  deleted pk=$ITEM_KEY from $TABLE"
}

if [ "$COMMAND" = "reset" ]; then
  reset_item
  exit 0
fi

# Prints the log events that arrived since the last call (works with AWS CLI v1 and v2).
LOGS_SINCE=$(( $(date +%s) * 1000 ))
show_new_logs() {
  local lines ts msg
  lines=$("${AWS[@]}" logs filter-log-events --log-group-name "$LOG_GROUP" --start-time "$LOGS_SINCE" \
    --query 'events[].[timestamp, message]' --output text 2>/dev/null || true)
  [ -n "$lines" ] && [ "$lines" != "None" ] || return 0
  while IFS=$'\t' read -r ts msg; do
    [ -n "$ts" ] || continue
    echo "    log | $msg"
    LOGS_SINCE=$(( ts + 1 ))
  done <<< "$lines"
}

NAME="${NAME:-polling-demo-$(date -u +%Y%m%d-%H%M%S)}"
PAYLOAD_FILE=$(mktemp)
RESPONSE_FILE=$(mktemp)
trap 'rm -f "$PAYLOAD_FILE" "$RESPONSE_FILE"' EXIT
printf '{"key": "%s"}' "$ITEM_KEY" > "$PAYLOAD_FILE"

start_execution() {
  # Durable functions are invoked by qualified ARN (here the alias live). The execution name makes the start
  # idempotent: the same name with the same payload returns the execution that already exists.
  "${AWS[@]}" lambda invoke \
    --function-name "$ALIAS_ARN" \
    --invocation-type Event \
    --durable-execution-name "$NAME" \
    --payload "fileb://$PAYLOAD_FILE" \
    --query DurableExecutionArn --output text \
    "$RESPONSE_FILE"
}

echo "1. Put the item the function waits for"
put_value incomplete

echo "2. Start the durable execution '$NAME' on $ALIAS_ARN (asynchronous)"
EXECUTION_ARN=$(start_execution)
if [ -z "$EXECUTION_ARN" ] || [ "$EXECUTION_ARN" = "None" ]; then
  EXECUTION_ARN=$("${AWS[@]}" lambda list-durable-executions-by-function --function-name "$FUNCTION" \
    --qualifier live --durable-execution-name "$NAME" \
    --query 'DurableExecutions[0].DurableExecutionArn' --output text)
fi
echo "  execution: $EXECUTION_ARN"
echo "  same name and payload again returns the same execution:"
echo "  execution: $(start_execution)"

echo "3. The function checks the item, finds it incomplete and suspends (no compute while it waits)"
if [ -z "$COMPLETE_AFTER" ]; then
  if [ -t 0 ]; then COMPLETE_AFTER="ask"; else COMPLETE_AFTER=60; fi
fi
if [ "$COMPLETE_AFTER" = "ask" ]; then
  sleep 20
  show_new_logs
  echo "  Tip: in another terminal, 'aws logs tail $LOG_GROUP --follow' (AWS CLI v2) shows the logs live."
  read -r -p "  Press Enter to mark the item completed... " _
else
  for (( waited = 0; waited < COMPLETE_AFTER; waited += 10 )); do
    sleep 10
    show_new_logs
  done
fi

echo "4. Mark the item completed; the next check (at most 5 minutes later) ends the execution"
put_value completed

STATUS="RUNNING"
for (( i = 0; i < 48; i++ )); do  # up to 8 minutes
  STATUS=$("${AWS[@]}" lambda get-durable-execution --durable-execution-arn "$EXECUTION_ARN" \
    --query Status --output text)
  [ "$STATUS" = "RUNNING" ] || break
  show_new_logs
  echo "  $(date -u +%H:%M:%S) still $STATUS, waiting for the next check..."
  sleep 10
done
show_new_logs

echo "5. How the execution ended"
"${AWS[@]}" lambda get-durable-execution --durable-execution-arn "$EXECUTION_ARN" \
  --query '{Name: DurableExecutionName, Status: Status, Version: Version, Result: Result, Error: Error}' \
  --output json
echo "  Its operations (each check is a step; each pause a wait):"
"${AWS[@]}" lambda get-durable-execution-history --durable-execution-arn "$EXECUTION_ARN" \
  --query 'Events[].[EventTimestamp, EventType, Name]' --output text | sed 's/^/    /'

if [ "$STATUS" = "RUNNING" ]; then
  echo "Still running; check again later with:"
  echo "  aws lambda get-durable-execution --durable-execution-arn '$EXECUTION_ARN'"
  echo "then remove the item with: scripts/demo.sh reset"
  exit 0
fi

echo "6. Reset"
reset_item
[ "$STATUS" = "SUCCEEDED" ] || die "the execution ended with status $STATUS (see the error above)."
