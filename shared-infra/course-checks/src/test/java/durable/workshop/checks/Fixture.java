package durable.workshop.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small course tree in a temp dir: one lesson and its solution that pass every check. */
final class Fixture {

    static final String SLUG = "01-demo";
    static final String HANDLER = "src/main/java/demo/Handler.java";

    final Path root;

    Fixture(Path root) {
        this.root = root;
    }

    static Fixture validCourse(Path root) {
        Fixture f = new Fixture(root);
        f.write("Makefile", ".PHONY: help test check-lesson\nhelp:\n\t@echo help\n\ntest: setup\n\t@echo test\n"
                + "setup:\n\t@echo setup\ncheck-lesson: setup ## grade a lesson\n\t@echo check\n");
        f.write("README.md", "# Course\n\nRun `make check-lesson LESSON=1`.\n\n## Lessons\n\n"
                + "See [lesson 1](lessons/01-demo/README.md#exercise-11-say-hello).\n");
        f.write("README.ja.md", "# コース\n\n`make check-lesson LESSON=1` を実行します。\n\n## レッスン\n\n"
                + "[レッスン 1](lessons/01-demo/README.ja.md)\n");
        for (String track : new String[] {"lessons", "solutions"}) {
            String dir = track + "/" + SLUG + "/";
            f.write(dir + "pom.xml", "<project><parent><groupId>durable.workshop." + track
                    + "</groupId></parent><artifactId>01-demo</artifactId></project>\n");
            f.write(dir + "lesson.json", """
                    {"number": 1, "slug": "01-demo",
                     "title": {"en": "Demo", "ja": "デモ"},
                     "exerciseFiles": ["src/main/java/demo/Handler.java"],
                     "exercises": [
                       {"id": "1.1", "title": {"en": "Say hello", "ja": "挨拶する"},
                        "readme": "exercise-11-say-hello",
                        "hints": [{"en": "A greeting is a text.", "ja": "挨拶は文字列です。"},
                                  {"en": "Use String.format.", "ja": "String.format を使います。"},
                                  {"en": "Return the greeting.", "ja": "挨拶を返します。"}]}
                     ]}
                    """);
            f.write(dir + "README.md", "# Demo\n\n## Exercises\n\n### Exercise 1.1: Say hello\n\nText.\n");
            f.write(dir + "README.ja.md", "# デモ\n\n## 演習\n\n### 演習 1.1: 挨拶する\n\n本文。\n");
            f.write(dir + "src/test/java/demo/HandlerTest.java", """
                    class HandlerTest {
                        @Test
                        @Tag("exercise:1.1")
                        void saysHello() { }
                    }
                    """);
            f.write(dir + "infra/cdk.json", "{\"app\": \"run\"}\n");
        }
        f.write("lessons/" + SLUG + "/" + HANDLER,
                "class Handler {\n  String hello() {\n    // TODO 1.1 — return the greeting\n"
                        + "    throw new UnsupportedOperationException(\"TODO 1.1: return the greeting\");\n  }\n}\n");
        f.write("solutions/" + SLUG + "/" + HANDLER,
                "class Handler {\n  String hello() {\n    return \"hello\";\n  }\n}\n");
        return f;
    }

    Fixture write(String rel, String content) {
        try {
            Path p = root.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Fixture delete(String rel) {
        try {
            Files.delete(root.resolve(rel));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(String rel) {
        try {
            return Files.readString(root.resolve(rel), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the same content to the lesson and the solution copy of {@code rel}. */
    Fixture writeBoth(String rel, String content) {
        write("lessons/" + SLUG + "/" + rel, content);
        return write("solutions/" + SLUG + "/" + rel, content);
    }

    Tree tree() {
        return Tree.scan(root);
    }
}
