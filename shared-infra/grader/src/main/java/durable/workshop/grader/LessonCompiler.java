package durable.workshop.grader;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a lesson module's own sources with the JDK compiler, as Maven's compile and test-compile would
 * (same release, {@code -parameters}, debug information, resources copied as they are), without starting Maven.
 *
 * <p>It builds into {@code target/grader-compile} and replaces {@code target/classes} and
 * {@code target/test-classes} only when everything compiled, so a failed attempt leaves the last good build in place.
 */
final class LessonCompiler {

    private static final Pattern RELEASE = Pattern.compile("<maven\\.compiler\\.release>\\s*(\\d+)\\s*</maven\\.compiler\\.release>");

    private static final JavaCompiler COMPILER = ToolProvider.getSystemJavaCompiler();
    /** Kept for the JVM's life: `make watch` compiles again and again, and the file manager keeps the jars open. */
    private static StandardJavaFileManager fileManager;
    private static final String PROCESSOR_SERVICE = "META-INF/services/javax.annotation.processing.Processor";
    private static final Map<List<Path>, Boolean> PROCESSORS = new HashMap<>();

    private LessonCompiler() {
    }

    /** True when this JVM has a compiler (a JDK, not a bare runtime). */
    static boolean available() {
        return COMPILER != null;
    }

    private static synchronized StandardJavaFileManager fileManager() {
        if (fileManager == null) {
            fileManager = COMPILER.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        }
        return fileManager;
    }

    /**
     * Compiles {@code src/main} (when {@code main}) and {@code src/test} (when {@code test}, or when the main
     * classes' API changed: see {@link CompiledApi}); returns the errors, formatted as the scripts print Maven's
     * ({@code lessons/.../Handler.java:120:9: cannot find symbol}), or an empty list.
     */
    static List<String> compile(Path root, Path lessonDir, boolean main, boolean test, Lang lang) throws IOException {
        FileTime sources = Changes.newestSource(lessonDir);
        List<Path> classpath = Changes.classpath(lessonDir);
        Path work = lessonDir.resolve("target/grader-compile");
        deleteTree(work);
        Path classes = main ? work.resolve("classes") : lessonDir.resolve("target/classes");
        Path testClasses = work.resolve("test-classes");
        List<String> errors = new ArrayList<>();
        String release = release(root);
        if (main) {
            errors.addAll(compileTree(root, lessonDir.resolve("src/main"), classes, classpath, release, lang));
        }
        boolean compileTests = test || !main || !CompiledApi.same(lessonDir.resolve("target/classes"), classes);
        if (errors.isEmpty() && compileTests) {
            List<Path> testClasspath = new ArrayList<>();
            testClasspath.add(classes);
            testClasspath.addAll(classpath);
            errors.addAll(compileTree(root, lessonDir.resolve("src/test"), testClasses, testClasspath, release, lang));
        }
        if (!errors.isEmpty()) {
            deleteTree(work);
            return errors;
        }
        if (main) {
            replace(lessonDir.resolve("target/classes"), classes, work);
        }
        if (compileTests) {
            replace(lessonDir.resolve("target/test-classes"), testClasses, work);
        }
        deleteTree(work);
        Path stamp = lessonDir.resolve(Changes.SOURCES_STAMP);
        if (!Files.exists(stamp)) {
            Files.createFile(stamp);
        }
        // The newest source compiled, not the clock: a save during the compile stays newer and is compiled next time.
        Files.setLastModifiedTime(stamp, sources);
        return List.of();
    }

    /** src/x/java compiled into {@code output}, src/x/resources copied there: Maven's compile or test-compile. */
    private static List<String> compileTree(Path root, Path tree, Path output, List<Path> classpath, String release, Lang lang)
            throws IOException {
        Files.createDirectories(output);
        copyTree(tree.resolve("resources"), output);
        List<Path> sources = javaFiles(tree.resolve("java"));
        if (sources.isEmpty()) {
            return List.of();
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Locale locale = lang == Lang.JA ? Locale.JAPANESE : Locale.ENGLISH;
        List<String> options = new ArrayList<>(List.of("--release", release, "-parameters", "-g", "-nowarn",
                "-encoding", "UTF-8", "-d", output.toString(), "-classpath", join(classpath), "-sourcepath", ""));
        if (!hasAnnotationProcessors(classpath)) {
            options.add("-proc:none"); // the same classes, without javac searching every jar for processors
        }
        StringWriter ignored = new StringWriter(); // notes such as "uses unchecked operations": Maven hides them too
        StandardJavaFileManager files = fileManager();
        COMPILER.getTask(ignored, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(format(root, d, locale));
            }
        }
        return errors;
    }

    /** "  lessons/.../Handler.java:83:17: cannot find symbol" and the message's further lines, indented. */
    static String format(Path root, Diagnostic<? extends JavaFileObject> d, Locale locale) {
        String where = "";
        if (d.getSource() != null) {
            Path file = Path.of(d.getSource().toUri());
            where = (file.startsWith(root) ? root.relativize(file).toString().replace('\\', '/') : file.toString())
                    + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + ": ";
        }
        return "  " + where + d.getMessage(locale).replace("\n", "\n  ");
    }

    /** True when a jar or directory of the classpath declares an annotation processor, which javac would run. */
    static synchronized boolean hasAnnotationProcessors(List<Path> classpath) throws IOException {
        Boolean known = PROCESSORS.get(classpath);
        if (known != null) {
            return known;
        }
        boolean found = false;
        for (Path entry : classpath) {
            if (Files.isDirectory(entry)) {
                found = Files.exists(entry.resolve(PROCESSOR_SERVICE));
            } else if (Files.isRegularFile(entry)) {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    found = jar.getEntry(PROCESSOR_SERVICE) != null;
                }
            }
            if (found) {
                break;
            }
        }
        PROCESSORS.put(List.copyOf(classpath), found);
        return found;
    }

    /** The root pom's maven.compiler.release, which every module compiles with. */
    static String release(Path root) throws IOException {
        Matcher m = RELEASE.matcher(Files.readString(root.resolve("pom.xml")));
        return m.find() ? m.group(1) : "17";
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).sorted().toList();
        }
    }

    private static String join(List<Path> paths) {
        return String.join(java.io.File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    /** Puts {@code built} where {@code target} is; the old tree goes to {@code work} and is deleted with it. */
    private static void replace(Path target, Path built, Path work) throws IOException {
        Path old = work.resolve("old-" + target.getFileName());
        if (Files.exists(target)) {
            Files.move(target, old);
        }
        Files.move(built, target);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path copy = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
