package durable.workshop.grader;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.Deflater;

/**
 * The classpath the grader's JVM starts with, packed so that the JVM can share its classes between runs.
 *
 * <p>The saved test classpath ({@code target/grader.classpath}) holds the shared modules of a reactor build as class
 * directories. Java 17 archives classes for class data sharing only from jars, so after each Maven build this packs
 * every directory entry into a jar under {@code target/grader-launch/} and writes the same classpath with the jars in
 * their place to {@code target/grader-launch/classpath}. The scripts start the grader with it and keep an archive of
 * the classes a check loads next to it (see {@code lib.sh}); the saved test classpath itself is unchanged, so the
 * compiler and the rebuild decision ({@link Changes}) still see the shared modules' directories.
 */
final class LaunchClasspath {

    static final String DIR = "target/grader-launch";
    static final String FILE = DIR + "/classpath";

    private LaunchClasspath() {
    }

    /** Packs the directory entries of the saved classpath and writes the launch classpath; returns its entries. */
    static List<Path> pack(Path lessonDir) throws IOException {
        Path dir = lessonDir.resolve(DIR);
        Path file = lessonDir.resolve(FILE);
        // Written last: a pack cut short leaves no launch classpath, and the scripts then use the saved one.
        Files.deleteIfExists(file);
        Files.createDirectories(dir);
        List<Path> entries = new ArrayList<>();
        int index = 0;
        for (Path entry : Changes.classpath(lessonDir)) {
            if (Files.isDirectory(entry)) {
                Path jar = dir.resolve(++index + "-" + moduleName(entry) + ".jar");
                jar(entry, jar);
                entries.add(jar);
            } else {
                entries.add(entry);
            }
        }
        List<String> names = entries.stream().map(Path::toString).toList();
        Files.writeString(file, String.join(java.io.File.pathSeparator, names) + System.lineSeparator());
        return entries;
    }

    /** "durable-local" for {@code shared-infra/durable-local/target/classes}. */
    private static String moduleName(Path classes) {
        Path absolute = classes.toAbsolutePath().normalize();
        Path module = absolute.endsWith(Path.of("target", "classes")) ? absolute.getParent().getParent() : absolute;
        return module.getFileName() == null ? "classes" : module.getFileName().toString();
    }

    /** Every file under {@code classes}, written to {@code jar} whole or not at all. */
    static void jar(Path classes, Path jar) throws IOException {
        Path partial = jar.resolveSibling(jar.getFileName() + ".partial");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(partial); JarOutputStream zip = new JarOutputStream(out)) {
            zip.setLevel(Deflater.BEST_SPEED);
            for (Path file : files) {
                JarEntry entry = new JarEntry(classes.relativize(file).toString().replace('\\', '/'));
                zip.putNextEntry(entry);
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        Files.move(partial, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
