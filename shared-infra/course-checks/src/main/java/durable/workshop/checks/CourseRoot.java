package durable.workshop.checks;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root: the directory holding the Maven wrapper and the root pom. */
public final class CourseRoot {

    private CourseRoot() {
    }

    /**
     * Uses the {@code course.root} system property (the build passes the reactor root) and falls back to
     * walking up from the working directory.
     */
    public static Path locate() {
        String hint = System.getProperty("course.root", "");
        if (!hint.isBlank() && !hint.contains("${")) {
            Path found = walkUp(Path.of(hint));
            if (found != null) {
                return found;
            }
        }
        Path found = walkUp(Path.of(System.getProperty("user.dir")));
        if (found == null) {
            throw new IllegalStateException("Cannot find the course root (a directory with mvnw and pom.xml) "
                    + "above " + System.getProperty("user.dir") + "; run the checks with ./mvnw from the repository.");
        }
        return found;
    }

    static Path walkUp(Path start) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        return null;
    }
}
