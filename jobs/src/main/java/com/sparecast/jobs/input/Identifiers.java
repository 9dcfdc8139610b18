package com.sparecast.jobs.input;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Identifiers that become part of a file or folder name ({@code restock/<warehouse_id>.csv},
 * {@code customs/<shipment_id>/}) are checked here, twice: against a strict pattern when master
 * data is read, and again by the writers, which refuse any name that is not a plain file name
 * inside their folder. An identifier is never a path.
 */
public final class Identifiers {

    /** Longest identifier accepted in master data (a warehouse id). */
    public static final int MAX_LENGTH = 64;

    /** Longest single file or folder name a writer accepts (file systems allow 255 bytes). */
    public static final int MAX_NAME_LENGTH = 200;

    /** ASCII letters, digits, {@code .}, {@code _} and {@code -}; starting with a letter or digit. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** Names Windows reserves for devices, with or without an extension. */
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private Identifiers() {
    }

    /**
     * Why {@code value} cannot be an identifier that names a file, or {@code null} when it can:
     * at most {@link #MAX_LENGTH} ASCII letters, digits, {@code .}, {@code _} or {@code -},
     * starting with a letter or digit, not ending with {@code .}, not a reserved device name.
     */
    public static String problem(String value) {
        return problem(value, MAX_LENGTH);
    }

    private static String problem(String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            return "is empty";
        }
        if (value.length() > maxLength) {
            return "is " + value.length() + " characters long (at most " + maxLength + ")";
        }
        if (!IDENTIFIER.matcher(value).matches()) {
            return "'" + printable(value) + "' may only hold ASCII letters, digits, '.', '_' and '-', starting with"
                    + " a letter or digit";
        }
        if (value.endsWith(".")) {
            return "'" + value + "' ends with '.'";
        }
        int dot = value.indexOf('.');
        String stem = (dot < 0 ? value : value.substring(0, dot)).toUpperCase(Locale.ROOT);
        if (RESERVED.contains(stem)) {
            return "'" + value + "' is a reserved device name";
        }
        return null;
    }

    /**
     * {@code folder/name}, for a writer: refuses a {@code name} that is not one plain file name
     * (a separator, {@code ..}, a control character, a reserved or over-long name) or that would
     * resolve outside {@code folder}.
     *
     * @throws IllegalArgumentException naming the refused name
     */
    public static Path resolveInside(Path folder, String name) {
        String problem = problem(name, MAX_NAME_LENGTH);
        if (problem != null) {
            throw new IllegalArgumentException("Refusing to write the file name " + problem + " under " + folder);
        }
        Path base = folder.toAbsolutePath().normalize();
        Path resolved = base.resolve(name).normalize();
        if (!resolved.getParent().equals(base)) {
            throw new IllegalArgumentException("Refusing to write '" + printable(name) + "': outside " + base);
        }
        return resolved;
    }

    /** {@code value} with control characters shown as {@code \\uXXXX}, cut to 80 characters. */
    public static String printable(String value) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < value.length() && out.length() < 80; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return i < value.length() ? out + "..." : out.toString();
    }
}
