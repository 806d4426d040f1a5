# Shared part of the lessons' demo scripts (lessons/NN-*/infra/scripts/demo.sh); source it, do not run it.
# Before sourcing: cd into the lesson's infra folder, set PROFILE, REGION and STAGE (may be empty; STAGE
# defaults to dev) and define die().
# After it: STACK (the deployed stack's name), TARGET_ARG (what `make deploy` needs for this track and stage), AWS (the aws command with profile and region) and
# stack_output KEY (one output of the stack).

command -v aws >/dev/null 2>&1 || die "the AWS CLI is not installed; install it (version 2) and configure credentials first."

[ -f config/config.json ] || die "config/config.json not found next to scripts/."
STACK=$(sed -n '/"resourcePrefix"/{s/.*"resourcePrefix"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p;q;}' config/config.json)
[ -n "$STACK" ] || die "config/config.json has no \"resourcePrefix\"; it names the stack."
# A solution is deployed as <prefix>-solution (make deploy TARGET=solutions), next to the learner's stack.
TARGET_ARG=""
case "$(cd ../.. && basename "$PWD")" in solutions) STACK="$STACK-solution"; TARGET_ARG=" TARGET=solutions" ;; esac
# With stages in config.json, the stage ends the name (make deploy STAGE=prod): <prefix>[-solution]-<stage>.
if grep -q '"stages"' config/config.json; then
  STAGE="${STAGE:-dev}"
  [[ "$STAGE" =~ ^[a-z][a-z0-9]{0,9}$ ]] || die "--stage must be a stage of config/config.json (dev or prod), not '$STAGE'."
  STACK="$STACK-$STAGE"
  [ "$STAGE" = dev ] || TARGET_ARG="$TARGET_ARG STAGE=$STAGE"
fi

AWS=(aws)
if [ -n "$PROFILE" ]; then AWS+=(--profile "$PROFILE"); fi
if [ -n "$REGION" ]; then AWS+=(--region "$REGION"); fi

stack_output() {
  "${AWS[@]}" cloudformation describe-stacks --stack-name "$STACK" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}
