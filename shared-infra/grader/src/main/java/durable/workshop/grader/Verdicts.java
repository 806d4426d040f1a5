package durable.workshop.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The CI checks: a skeleton fails every exercise with its own TODO; a solution passes every exercise. */
final class Verdicts {

    private Verdicts() {
    }

    /** Problems in the lesson's shape: exercises without tests or bilingual texts, tests with bad tags. */
    static List<String> structure(Lesson lesson, List<TestOutcome> outcomes, Lang lang) {
        List<String> problems = new ArrayList<>();
        for (TestOutcome outcome : outcomes) {
            Set<String> ids = outcome.exerciseIds();
            if (ids.size() > 1) {
                problems.add(Messages.get(lang, "problemManyTags", outcome.name(), String.join(", ", ids)));
            } else if (lesson.exercise(ids.iterator().next()).isEmpty()) {
                problems.add(Messages.get(lang, "problemUnknownTag", outcome.name(), ids.iterator().next()));
            }
        }
        for (Lesson.Exercise exercise : lesson.exercises()) {
            if (outcomes.stream().noneMatch(o -> o.exerciseIds().contains(exercise.id()))) {
                problems.add(Messages.get(lang, "problemNoTest", exercise.id()));
            }
            if (!exercise.hintsComplete()) {
                problems.add(Messages.get(lang, "problemHint", exercise.id()));
            }
            if (!exercise.title().complete()) {
                problems.add(Messages.get(lang, "problemTitle", exercise.id()));
            }
            if (!Readme.hasAnchor(lesson.dir(), exercise.readme())) {
                problems.add(Messages.get(lang, "problemAnchor", exercise.id(), exercise.readme()));
            }
        }
        return problems;
    }

    /** Every graded test must fail, and only with the TODO of its own exercise. */
    static List<String> expectTodo(Lesson lesson, List<TestOutcome> outcomes, Lang lang) {
        List<String> problems = structure(lesson, outcomes, lang);
        for (TestOutcome outcome : outcomes) {
            if (outcome.exerciseIds().size() != 1) {
                continue;
            }
            String id = outcome.exerciseIds().iterator().next();
            String todo = "TODO " + id;
            Throwable error = outcome.error();
            if (outcome.passed()) {
                problems.add(Messages.get(lang, "problemPassed", outcome.name(), todo));
            } else if (error == null) {
                problems.add(Messages.get(lang, "problemNotRun", outcome.name(), outcome.status()));
            } else if (Failures.isTimeout(error)) {
                problems.add(Messages.get(lang, "problemTimeout", outcome.name()));
            } else if (Failures.isCompileOrLinkage(error)) {
                problems.add(Messages.get(lang, "problemCompile", outcome.name(), oneLine(error)));
            } else if (Failures.isNullPointer(error)) {
                problems.add(Messages.get(lang, "problemNpe", outcome.name(), oneLine(error)));
            } else {
                Set<String> todos = Failures.todos(error);
                todos.remove(id);
                if (!todos.isEmpty()) {
                    problems.add(Messages.get(lang, "problemOtherTodo", outcome.name(), "TODO " + String.join(", TODO ", todos), oneLine(error)));
                } else if (!Failures.fullText(error).contains(todo)) {
                    problems.add(Messages.get(lang, "problemNoTodo", outcome.name(), todo, oneLine(error)));
                }
            }
        }
        return problems;
    }

    /** Every exercise has tests and every test passes. */
    static List<String> expectPass(Lesson lesson, List<TestOutcome> outcomes, Lang lang) {
        List<String> problems = structure(lesson, outcomes, lang);
        for (TestOutcome outcome : outcomes) {
            if (!outcome.passed()) {
                String why = outcome.error() == null ? String.valueOf(outcome.status()) : oneLine(outcome.error());
                problems.add(Messages.get(lang, "problemFailed", outcome.name(), why));
            }
        }
        return problems;
    }

    private static String oneLine(Throwable error) {
        String text = Failures.message(error).replaceAll("\\s*\\R\\s*", " / ");
        return text.length() > 300 ? text.substring(0, 300) + " …" : text;
    }
}
