# The workshop's commands. Run `make` (or `make help`) to list them.
# Every target does its own setup first, so any of them works on a fresh clone.

SCRIPTS := shared-infra/scripts
LESSON ?=
EX ?=
TARGET ?= lessons
PROFILE ?=
LOCAL ?=
TIME_SCALE ?=
PORT ?=
REGION ?=

.DEFAULT_GOAL := help
.PHONY: help slides setup test check-lesson check-solution progress hint synth deploy destroy reset-lesson preflight
.PHONY: run demo

help: ## List the targets
	@$(SCRIPTS)/help.sh

preflight:
	@$(SCRIPTS)/preflight.sh

setup:
	@$(SCRIPTS)/setup.sh

test:
	@$(SCRIPTS)/course-test.sh

check-lesson:
	@$(SCRIPTS)/grade.sh lessons "$(LESSON)"

check-solution:
	@$(SCRIPTS)/grade.sh solutions "$(LESSON)" --no-progress

progress:
	@$(SCRIPTS)/grader-tool.sh --root . --progress

hint:
	@$(SCRIPTS)/hint.sh "$(LESSON)" "$(EX)"

synth:
	@$(SCRIPTS)/cdk.sh synth "$(TARGET)" "$(LESSON)"

deploy:
	@$(SCRIPTS)/cdk.sh deploy "$(TARGET)" "$(LESSON)" "$(PROFILE)"

destroy:
	@$(SCRIPTS)/cdk.sh destroy "$(TARGET)" "$(LESSON)" "$(PROFILE)"

run:
	@$(SCRIPTS)/local-runtime.sh run "$(TARGET)" "$(LESSON)" "$(TIME_SCALE)" "$(PORT)"

demo:
	@$(SCRIPTS)/local-runtime.sh demo "$(TARGET)" "$(LESSON)" "$(LOCAL)" "$(TIME_SCALE)" "$(PROFILE)" "$(REGION)"

slides:
	@$(SCRIPTS)/slides.sh

reset-lesson:
	@$(SCRIPTS)/reset-lesson.sh "$(LESSON)"
