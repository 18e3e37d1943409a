package io.cosmolite.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the command lines {@code cosmolite serve} is started with almost always without picocli:
 * {@code serve} followed by {@link ServeCommand}'s options, each once, as {@code --name value},
 * {@code --name=value} or a bare flag, with plain values.
 *
 * <p>Why: picocli's first parse in a fresh JVM takes about a third of a second (reflection over the
 * commands' annotations, and its Java 5 classes run in the interpreter), more than the server's own
 * start. Anything else (help, version, an unknown, repeated or conflicting option, an {@code @file},
 * a value that does not convert or is out of range) is not read here: {@link #read} answers null and
 * picocli reads the line, so every message and exit code stays picocli's. {@code QuickServeLineTest}
 * checks that both read every line alike and that this class knows every option of the command.
 */
final class QuickServeLine {
    private QuickServeLine() {
    }

    /** The serve command {@code args} asks for with valid options; null when picocli must read them. */
    static ServeCommand read(String[] args) {
        if (args.length == 0 || !args[0].equals("serve")) {
            return null;
        }
        ServeCommand command = new ServeCommand();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!seen.add(name)) {
                return null;
            }
            boolean flag = name.equals("--no-tls") || name.equals("--in-memory");
            String value = null;
            if (!flag) {
                value = equals >= 0 ? arg.substring(equals + 1) : i + 1 < args.length ? args[++i] : null;
                // picocli expands @files and may read a leading '-' as an option: leave such values to it.
                if (value == null || value.startsWith("-") || value.startsWith("@")) {
                    return null;
                }
            } else if (equals >= 0) {
                return null;
            }
            if (!set(command, name, value)) {
                return null;
            }
        }
        return command.problem() == null ? command : null;
    }

    /** Sets one option on {@code command}; false when the name is not one of it or the value does not convert. */
    private static boolean set(ServeCommand command, String name, String value) {
        switch (name) {
            case "--port", "--partitions" -> {
                int number = plainInt(value);
                if (number < 0) {
                    return false;
                }
                if (name.equals("--port")) {
                    command.port = number;
                } else {
                    command.partitions = number;
                }
            }
            case "--host" -> command.host = value;
            case "--key" -> command.key = value;
            case "--no-tls" -> command.noTls = true;
            case "--in-memory" -> {
                if (command.store != null) {
                    return false;
                }
                command.store = ServeCommand.Store.memory();
            }
            case "--data-dir" -> {
                Path dir = path(value);
                if (command.store != null || dir == null) {
                    return false;
                }
                command.store = ServeCommand.Store.in(dir);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Decimal digits without a leading zero (picocli's own reading of others may differ), else -1. */
    private static int plainInt(String value) {
        if (value.isEmpty() || value.length() > 9 || value.length() > 1 && value.charAt(0) == '0') {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(value);
    }

    private static Path path(String value) {
        try {
            return value.isEmpty() ? null : Path.of(value);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
