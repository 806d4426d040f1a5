package durable.workshop.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which edits of main sources leave the tests' view of them unchanged (so the tests are not compiled again). */
class CompiledApiTest {

    static final String HANDLER = """
            package fixture;

            import java.util.List;

            public class Handler {
                public static final int ATTEMPTS = 12;
                static final String NAME = "poll";
                private int calls;

                public String handle(String input) throws java.io.IOException {
                    calls++;
                    return helper(input);
                }

                List<String> names() {
                    return List.of(NAME);
                }

                private String helper(String input) {
                    return input.strip();
                }

                public static class Result {
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void anEditInsideMethodBodiesOrPrivateMembersKeepsTheApi() throws IOException {
        assertSameApi(HANDLER.replace("return input.strip();", "return input.trim().toLowerCase();"), true);
        assertSameApi(HANDLER.replace("calls++;", "calls += 2; Runnable r = () -> { }; r.run();"), true);
        assertSameApi(HANDLER.replace("private int calls;", "private int calls;\n    private long started;"), true);
        assertSameApi(HANDLER.replace("private String helper", "private static String helper"), true);
    }

    @Test
    void whatCompiledUsersDependOnChangesTheApi() throws IOException {
        assertSameApi(HANDLER.replace("ATTEMPTS = 12", "ATTEMPTS = 13"), false);            // copied into users
        assertSameApi(HANDLER.replace("NAME = \"poll\"", "NAME = \"wait\""), false);
        assertSameApi(HANDLER.replace("public String handle(String input)", "public String handle(CharSequence input)")
                .replace("return helper(input);", "return helper(input.toString());"), false);
        assertSameApi(HANDLER.replace(" throws java.io.IOException", ""), false);
        assertSameApi(HANDLER.replace("List<String> names()", "List<Object> names()"), false); // generic signature
        assertSameApi(HANDLER.replace("public class Handler", "public final class Handler"), false);
        assertSameApi(HANDLER.replace("public static class Result", "public class Result"), false); // nesting
        assertSameApi(HANDLER.replace("    private String helper", "    String extra() { return \"\"; }\n    private String helper"),
                false);
        assertSameApi(HANDLER.replace("calls++;", "new Object() { };"), false); // a new class
    }

    @Test
    void aMissingDirectoryIsNotTheSame() throws IOException {
        Path classes = compile("a", HANDLER);
        assertThat(CompiledApi.same(dir.resolve("absent"), classes)).isFalse();
    }

    private void assertSameApi(String edited, boolean same) throws IOException {
        Path before = compile("before", HANDLER);
        Path after = compile("after", edited);
        assertThat(CompiledApi.same(before, after)).as(edited).isEqualTo(same);
        LessonCompiler.deleteTree(before);
        LessonCompiler.deleteTree(after);
    }

    private Path compile(String name, String source) throws IOException {
        Path sources = dir.resolve(name + "-src/fixture/Handler.java");
        Files.createDirectories(sources.getParent());
        Files.writeString(sources, source);
        Path classes = dir.resolve(name);
        Files.createDirectories(classes);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                List.of("--release", "17", "-d", classes.toString(), sources.toString()).toArray(String[]::new));
        assertThat(status).as("compiles").isZero();
        return classes;
    }
}
