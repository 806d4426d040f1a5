package durable.workshop.grader;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What other code compiled against a class directory depends on: for every class file its name, flags, supertypes,
 * generic signature, nesting, and its non-private fields and methods (with their signatures, checked exceptions and
 * constant values, which the compiler copies into the code that uses them).
 *
 * <p>When an edit of the main sources leaves this unchanged (the usual edit: a method body), the test classes
 * compiled before still link and behave exactly as recompiled ones would, so the tests are not compiled again.
 * Anything else (a class added or removed, a signature or a constant changed) compiles them again.
 */
final class CompiledApi {

    private static final int ACC_PRIVATE = 0x0002;

    private CompiledApi() {
    }

    /** True when both class directories hold the same classes with the same API. */
    static boolean same(Path before, Path after) throws IOException {
        return Files.isDirectory(before) && of(before).equals(of(after));
    }

    /** Class file path (relative, '/'-separated) to a description of its API. */
    static Map<String, String> of(Path classes) throws IOException {
        Map<String, String> apis = new HashMap<>();
        if (!Files.isDirectory(classes)) {
            return apis;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(f -> f.toString().endsWith(".class") && Files.isRegularFile(f)).toList();
        }
        for (Path file : files) {
            apis.put(classes.relativize(file).toString().replace('\\', '/'), describe(Files.readAllBytes(file)));
        }
        return apis;
    }

    /** The API of one class file (format: JVM specification, chapter 4), as sorted lines. */
    static String describe(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        Object[] pool = constantPool(in);
        List<String> lines = new ArrayList<>();
        int flags = in.readUnsignedShort();
        String name = className(pool, in.readUnsignedShort());
        int superIndex = in.readUnsignedShort();
        StringBuilder head = new StringBuilder("class ").append(flags).append(' ').append(name)
                .append(" extends ").append(superIndex == 0 ? "-" : className(pool, superIndex)).append(" implements");
        int interfaces = in.readUnsignedShort();
        for (int i = 0; i < interfaces; i++) {
            head.append(' ').append(className(pool, in.readUnsignedShort()));
        }
        lines.add(head.toString());
        for (String kind : List.of("field", "method")) {
            int count = in.readUnsignedShort();
            for (int i = 0; i < count; i++) {
                int memberFlags = in.readUnsignedShort();
                String member = kind + " " + memberFlags + " " + pool[in.readUnsignedShort()] + " " + pool[in.readUnsignedShort()];
                String attributes = attributes(in, pool, name);
                if ((memberFlags & ACC_PRIVATE) == 0) {
                    lines.add(member + attributes);
                }
            }
        }
        lines.add("attributes" + attributes(in, pool, name));
        lines.sort(null);
        return String.join("\n", lines);
    }

    /**
     * The attributes that matter to compiled users: generic signature, constant value, exceptions, and the nesting of
     * the class itself and of its own nested classes (not of the JDK's, such as the lookup class a lambda names).
     */
    private static String attributes(DataInputStream in, Object[] pool, String className) throws IOException {
        StringBuilder kept = new StringBuilder();
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            String name = (String) pool[in.readUnsignedShort()];
            byte[] data = new byte[in.readInt()];
            in.readFully(data);
            DataInputStream attribute = new DataInputStream(new ByteArrayInputStream(data));
            switch (name) {
                case "Signature" -> kept.append(" signature=").append(pool[attribute.readUnsignedShort()]);
                case "ConstantValue" -> kept.append(" constant=").append(pool[attribute.readUnsignedShort()]);
                case "Exceptions", "PermittedSubclasses" -> {
                    kept.append(' ').append(name).append('=');
                    int n = attribute.readUnsignedShort();
                    for (int j = 0; j < n; j++) {
                        kept.append(className(pool, attribute.readUnsignedShort())).append(',');
                    }
                }
                case "InnerClasses" -> {
                    kept.append(" InnerClasses=");
                    int n = attribute.readUnsignedShort();
                    for (int j = 0; j < n; j++) {
                        int inner = attribute.readUnsignedShort();
                        int outer = attribute.readUnsignedShort();
                        int simpleName = attribute.readUnsignedShort();
                        int flags = attribute.readUnsignedShort();
                        String innerName = className(pool, inner);
                        if (!innerName.equals(className) && !innerName.startsWith(className + "$")
                                && (outer == 0 || !className(pool, outer).equals(className))) {
                            continue;
                        }
                        kept.append(className(pool, inner)).append('<').append(outer == 0 ? "-" : className(pool, outer))
                                .append('/').append(simpleName == 0 ? "-" : pool[simpleName]).append('/').append(flags).append(',');
                    }
                }
                default -> {
                    // Code, line numbers, annotations and the like: nothing compiled code links against.
                }
            }
        }
        return kept.toString();
    }

    /** The constant pool: UTF-8 strings and numbers as values, class entries as int[]{nameIndex}, the rest as null. */
    private static Object[] constantPool(DataInputStream in) throws IOException {
        Object[] pool = new Object[in.readUnsignedShort()];
        for (int i = 1; i < pool.length; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> pool[i] = in.readUTF();
                case 3 -> pool[i] = "int:" + in.readInt();
                case 4 -> pool[i] = "float:" + Float.floatToRawIntBits(in.readFloat());
                case 5 -> pool[i++] = "long:" + in.readLong(); // eight-byte constants take two entries
                case 6 -> pool[i++] = "double:" + Double.doubleToRawLongBits(in.readDouble());
                case 7, 8, 16, 19, 20 -> pool[i] = new int[] {in.readUnsignedShort()};
                case 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        // String constants (tag 8) point at their text; resolve them so a changed text changes the API.
        for (int i = 1; i < pool.length; i++) {
            if (pool[i] instanceof int[] ref && pool[ref[0]] instanceof String text) {
                pool[i] = new Ref(text);
            }
        }
        return pool;
    }

    private static String className(Object[] pool, int index) {
        return pool[index] instanceof Ref ref ? ref.text() : String.valueOf(pool[index]);
    }

    /** A class or string constant, by its text. */
    private record Ref(String text) {
        @Override
        public String toString() {
            return "\"" + text + "\"";
        }
    }
}
