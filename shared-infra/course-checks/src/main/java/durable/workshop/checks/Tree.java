package durable.workshop.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The files of the course repository that the checks look at: what git tracks or would track (so .gitignore
 * decides), or, outside a git work tree, every file except generated and tool directories.
 * Paths are relative to the root and always use '/'.
 */
public final class Tree {

    /** Directories that hold generated or machine-local files, never course content. */
    static final Set<String> IGNORED_DIRS =
            Set.of(".git", "target", "cdk.out", "node_modules", ".workshop", ".idea", ".vscode");

    private final Path root;
    private final List<String> files;

    private Tree(Path root, List<String> files) {
        this.root = root;
        this.files = List.copyOf(files);
    }

    /** Lists the files under {@code root}, through git when the root is a git work tree. */
    public static Tree scan(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        List<String> listed = Files.exists(absolute.resolve(".git")) ? gitFiles(absolute).orElse(null) : null;
        return new Tree(absolute, listed != null ? listed : walk(absolute));
    }

    public Path root() {
        return root;
    }

    /** Every file, sorted. */
    public List<String> files() {
        return files;
    }

    public boolean exists(String rel) {
        return Files.isRegularFile(root.resolve(rel));
    }

    /** True when {@code rel} is a directory holding at least one listed file. */
    public boolean isDirectory(String rel) {
        String prefix = rel.endsWith("/") ? rel : rel + "/";
        return files.stream().anyMatch(f -> f.startsWith(prefix));
    }

    /** The files under {@code dir}, relative to {@code dir}. */
    public List<String> filesUnder(String dir) {
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        List<String> out = new ArrayList<>();
        for (String f : files) {
            if (f.startsWith(prefix)) {
                out.add(f.substring(prefix.length()));
            }
        }
        return out;
    }

    public byte[] bytes(String rel) {
        try {
            return Files.readAllBytes(root.resolve(rel));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + rel, e);
        }
    }

    /** The file as UTF-8 text, or empty when it looks binary (has a NUL byte). */
    public Optional<String> text(String rel) {
        byte[] data = bytes(rel);
        for (byte b : data) {
            if (b == 0) {
                return Optional.empty();
            }
        }
        return Optional.of(new String(data, StandardCharsets.UTF_8));
    }

    private static Optional<List<String>> gitFiles(Path root) {
        try {
            Process git = new ProcessBuilder("git", "-C", root.toString(),
                    "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                    .redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] out = git.getInputStream().readAllBytes();
            if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) {
                return Optional.empty();
            }
            Set<String> files = new TreeSet<>();
            for (String rel : new String(out, StandardCharsets.UTF_8).split("\0")) {
                // Deleted-but-tracked files and anything under a generated dir are not content.
                if (!rel.isEmpty() && !inIgnoredDir(rel) && Files.isRegularFile(root.resolve(rel))) {
                    files.add(rel);
                }
            }
            return Optional.of(new ArrayList<>(files));
        } catch (IOException e) {
            return Optional.empty(); // no git on this machine: walk the tree instead
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static List<String> walk(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            Set<String> files = new TreeSet<>();
            paths.filter(Files::isRegularFile).forEach(p -> {
                String rel = root.relativize(p).toString().replace('\\', '/');
                String name = p.getFileName().toString();
                if (!inIgnoredDir(rel) && !name.equals(".DS_Store") && !name.endsWith(".iml")) {
                    files.add(rel);
                }
            });
            return new ArrayList<>(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    static boolean inIgnoredDir(String rel) {
        String[] parts = rel.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (IGNORED_DIRS.contains(parts[i])) {
                return true;
            }
        }
        return false;
    }
}
