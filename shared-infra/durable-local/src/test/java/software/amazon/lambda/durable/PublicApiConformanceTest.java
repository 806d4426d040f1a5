package software.amazon.lambda.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compares what this module compiles under {@code software.amazon.lambda.durable} with the published API of the
 * official SDK (the {@code javap -public} listing in the test resources), so code written against one runs
 * unchanged against the other.
 */
class PublicApiConformanceTest {
    private static final String PREFIX = "software.amazon.lambda.durable.";
    /** Packages the listing leaves out on purpose; our classes there may exist but must expose nothing. */
    private static final Set<String> INTERNAL_PACKAGES = Set.of(
            PREFIX + "execution", PREFIX + "plugin", PREFIX + "client", PREFIX + "context");

    private static Map<String, ClassBlock> reference;
    private static Map<String, ClassBlock> ours;

    @BeforeAll
    static void readBothSides() throws Exception {
        reference = parse(readReference());
        ours = parse(javapOurClasses());
    }

    @Test
    void everyPublicMemberWeDeclareIsInTheOfficialApi() {
        List<String> problems = new ArrayList<>();
        for (ClassBlock our : ours.values()) {
            if (!our.header.startsWith("public ")) {
                continue; // not API: package-private helpers, private nested and anonymous classes
            }
            ClassBlock official = reference.get(our.name);
            if (official == null) {
                if (!INTERNAL_PACKAGES.contains(packageOf(our.name))) {
                    problems.add("class not in the official API: " + our.header);
                } else {
                    our.members.forEach(m -> problems.add("public member of internal class " + our.name + ": " + m));
                }
                continue;
            }
            if (!official.header.equals(our.header)) {
                problems.add("class header differs:\n      ours:     " + our.header
                        + "\n      official: " + official.header);
            }
            for (String member : our.members) {
                if (!official.members.contains(member)) {
                    problems.add("member not in the official API: " + our.name + "\n     " + member);
                }
            }
        }
        failIfAny("Public API lines that the official SDK does not have", problems);
    }

    @Test
    void everyOfficialMemberOfOurClassesIsDeclared() {
        List<String> problems = new ArrayList<>();
        for (ClassBlock official : reference.values()) {
            ClassBlock our = ours.get(official.name);
            if (our == null) {
                continue; // reported by the next test
            }
            for (String member : official.members) {
                if (!our.members.contains(member)) {
                    problems.add("missing in " + official.name + ":\n     " + member);
                }
            }
        }
        failIfAny("Official API members this module does not declare", problems);
    }

    @Test
    void everyClassOfTheOfficialListingExists() {
        Set<String> missing = new TreeSet<>(reference.keySet());
        missing.removeAll(ours.keySet());
        failIfAny("Classes of the official API this module does not declare", new ArrayList<>(missing));
        // The listing itself must have been read, or the checks above prove nothing.
        assertThat(reference).containsKeys(PREFIX + "DurableContext", PREFIX + "DurableHandler",
                PREFIX + "testing.LocalDurableTestRunner", PREFIX + "config.StepConfig",
                PREFIX + "retry.RetryStrategies$Presets", PREFIX + "exception.StepFailedException");
    }

    private static void failIfAny(String title, List<String> problems) {
        if (!problems.isEmpty()) {
            fail(title + " (" + problems.size() + "):\n  - " + String.join("\n  - ", problems));
        }
    }

    private static String packageOf(String className) {
        return className.substring(0, className.lastIndexOf('.'));
    }

    private static List<String> readReference() throws IOException {
        try (InputStream in = PublicApiConformanceTest.class.getResourceAsStream("/official-public-api.txt")) {
            assertThat(in).as("test resource official-public-api.txt").isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(line -> !line.startsWith("#")).toList();
        }
    }

    /** Runs {@code javap -public} over every class file this module compiled under the SDK's package. */
    private static List<String> javapOurClasses() throws IOException, URISyntaxException {
        Path classesDir = Path.of(DurableConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path root = classesDir.resolve("software/amazon/lambda/durable");
        List<String> classNames;
        try (Stream<Path> files = Files.walk(root)) {
            classNames = files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classesDir.relativize(f).toString().replace('\\', '/'))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .collect(Collectors.toList());
        }
        ToolProvider javap = ToolProvider.findFirst("javap")
                .orElseThrow(() -> new IllegalStateException("javap is not available: run the tests on a JDK"));
        List<String> args = new ArrayList<>(List.of("-public", "-cp", classesDir.toString()));
        args.addAll(classNames);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = javap.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertThat(exit).as("javap exit code; its errors: %s", err).isZero();
        return out.toString().lines().filter(line -> !line.startsWith("Compiled from")).toList();
    }

    /** Splits javap output into classes: a header line ending in '{', member lines, then '}'. */
    private static Map<String, ClassBlock> parse(List<String> lines) {
        Map<String, ClassBlock> blocks = new LinkedHashMap<>();
        ClassBlock current = null;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            if (current == null) {
                if (!line.endsWith("{")) {
                    throw new IllegalStateException("unexpected javap line outside a class: " + line);
                }
                current = new ClassBlock(line.trim(), classNameOf(line));
            } else if (line.equals("}")) {
                blocks.put(current.name, current);
                current = null;
            } else {
                current.members.add(line.trim());
            }
        }
        return blocks;
    }

    /** "public final class a.b.C<T> extends ... {" gives "a.b.C". */
    private static String classNameOf(String header) {
        for (String word : header.split(" ")) {
            if (word.startsWith(PREFIX)) {
                int generic = word.indexOf('<');
                return generic < 0 ? word : word.substring(0, generic);
            }
        }
        throw new IllegalStateException("no class name in javap header: " + header);
    }

    private static final class ClassBlock {
        final String header;
        final String name;
        final Set<String> members = new TreeSet<>();

        ClassBlock(String header, String name) {
            this.header = header;
            this.name = name;
        }
    }
}
