# The workshop's commands. Run `make` (or `make help`) to list them.
# Every target does its own setup first, so any of them works on a fresh clone.

SCRIPTS := shared-infra/scripts
LESSON ?=
EX ?=
TARGET ?= lessons
PROFILE ?=

.DEFAULT_GOAL := help
.PHONY: help setup test check-lesson check-solution progress hint synth deploy destroy reset-lesson preflight

help: ## List the targets
	@echo "Usage: make <target> [VARIABLE=value]"
	@echo
	@echo "  check-lesson LESSON=n                 Grade your work on lesson n            make check-lesson LESSON=1"
	@echo "  hint LESSON=n [EX=n.m]                Show a hint (default: the next open)   make hint LESSON=1 EX=1.2"
	@echo "  progress                              Show your progress in every lesson     make progress"
	@echo "  reset-lesson LESSON=n                 Restore lesson n's exercise files      make reset-lesson LESSON=1"
	@echo "  check-solution LESSON=n               Grade the reference solution           make check-solution LESSON=1"
	@echo "  synth LESSON=n [TARGET=solutions]     Write the CDK template (no AWS needed) make synth LESSON=1"
	@echo "  deploy LESSON=n [TARGET=] [PROFILE=]  Deploy the lesson's stack to AWS       make deploy LESSON=1 PROFILE=dev"
	@echo "  destroy LESSON=n [TARGET=] [PROFILE=] Delete the deployed stack              make destroy LESSON=1 PROFILE=dev"
	@echo "  setup                                 Install the Node tools, build shared modules"
	@echo "  test                                  Verify the whole course (what CI runs)"
	@echo
	@echo "TARGET is lessons (default) or solutions. WORKSHOP_LANG=ja (or a Japanese LANG) switches to Japanese."

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

reset-lesson:
	@$(SCRIPTS)/reset-lesson.sh "$(LESSON)"
