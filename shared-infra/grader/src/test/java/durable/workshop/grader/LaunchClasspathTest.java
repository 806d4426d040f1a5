package durable.workshop.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packed launch classpath, and how the scripts start the grader's JVM with it (lib.sh's grader_launch): without
 * the archive of classes, writing it once per build and JDK, or mapping it.
 */
class LaunchClasspathTest {

    /** lib.sh of this repository; the tests run in the grader module. */
    static final Path LIB = Path.of("../../shared-infra/scripts/lib.sh").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void classDirectoriesArePackedIntoJarsInTheirPlaceAndJarsStay() throws IOException {
        Path kit = write("shared-infra/kit/target/classes/kit/Kit.class", "class bytes");
        write("shared-infra/kit/target/classes/META-INF/services/kit.Plugin", "kit.Impl");
        Path library = write("repository/library.jar", "a jar");
        Path lesson = dir.resolve("lessons/09-fixture");
        write("lessons/09-fixture/target/grader.classpath",
                library + java.io.File.pathSeparator + kit.getParent().getParent() + "\n");

        List<Path> entries = LaunchClasspath.pack(lesson);

        Path jar = lesson.resolve("target/grader-launch/1-kit.jar");
        assertThat(entries).containsExactly(library, jar);
        assertThat(Files.readString(lesson.resolve(LaunchClasspath.FILE)).strip())
                .isEqualTo(library + java.io.File.pathSeparator + jar);
        try (JarFile packed = new JarFile(jar.toFile())) {
            assertThat(new String(packed.getInputStream(packed.getEntry("kit/Kit.class")).readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("class bytes");
            assertThat(packed.getEntry("META-INF/services/kit.Plugin")).isNotNull();
        }
    }

    @Test
    void theArchiveIsRecordedOncePerBuildAndJdkThenUsed() throws IOException, InterruptedException {
        Path lesson = dir.resolve("lessons/09-fixture");
        // The classpath this test runs on holds the grader, so packing it works as after a real build.
        Path saved = write("lessons/09-fixture/target/grader.classpath", System.getProperty("java.class.path"));
        Path tools = write("preflight.ok", "java 17");
        age(60, saved, tools);
        Path launch = lesson.resolve(LaunchClasspath.FILE);
        Path archive = lesson.resolve("target/grader-launch/classes.jsa");
        String options = " -Xlog:cds=off -Xlog:cds+dynamic=off";

        assertThat(launch(lesson, false)).as("never packed, not asked to").isEqualTo("plain " + saved + " |");
        assertThat(launch(lesson, true)).isEqualTo("record " + launch + " | -XX:ArchiveClassesAtExit=" + archive + options);
        assertThat(launch).exists();
        assertThat(launch(lesson, true)).as("the JVM wrote no archive: not again for this build").isEqualTo("plain " + launch + " |");

        Files.writeString(archive, "classes");
        assertThat(launch(lesson, false)).isEqualTo("shared " + launch + " | -XX:SharedArchiveFile=" + archive + options);

        // Another JDK passed preflight since: packed and recorded again.
        age(120, saved, launch, archive, lesson.resolve("target/grader-launch/recorded"));
        age(60, tools);
        assertThat(launch(lesson, false)).as("an archive of another JDK").isEqualTo("plain " + saved + " |");
        assertThat(launch(lesson, true)).startsWith("record " + launch + " |");

        Files.writeString(saved, "no-such-classpath"); // a new Maven build, and packing it fails
        touchLater(saved);
        assertThat(launch(lesson, true)).as("the saved classpath serves").isEqualTo("plain " + saved + " |");
        assertThat(launch).doesNotExist();
    }

    /** Runs grader_launch with the test's preflight stamp; "MODE CLASSPATH_FILE | OPTIONS". */
    private String launch(Path lesson, boolean record) throws IOException, InterruptedException {
        String script = ". '" + LIB + "'; PREFLIGHT_STAMP='" + dir.resolve("preflight.ok") + "'; grader_launch '" + lesson + "' "
                + record + "; echo \"$launch_mode $launch_classpath_file | ${launch_options[*]}\"";
        Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(bash.waitFor()).as(output).isZero();
        return output;
    }

    private Path write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    /** Moves the files' times into the past, so files written next are newer. */
    private static void age(int seconds, Path... files) throws IOException {
        for (Path file : files) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(seconds)));
        }
    }

    /** Newer than anything written so far, including files written in the next seconds. */
    private static void touchLater(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));
    }
}
