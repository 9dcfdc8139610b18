package com.sparecast.jobs.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Whether a text file is UTF-8, and if not, which encoding it looks like: UTF-32 or UTF-16 by
 * their byte-order mark or, without one, by the NUL bytes every other byte of ASCII text holds in
 * UTF-16; any other file that is not valid UTF-8 is named by its first bad byte and line, and taken
 * for ISO-8859-1 (Latin-1) or Windows-1252, the usual culprits. A UTF-8 byte-order mark is UTF-8.
 */
public final class TextEncoding {

    private static final int SNIFF = 8192;

    private TextEncoding() {
    }

    /**
     * An encoding that is not UTF-8.
     *
     * @param name what the file is, for a message ({@code UTF-16LE}, {@code ISO-8859-1 (Latin-1) or Windows-1252})
     * @param charset how to decode it to count its lines and show its known columns
     * @param evidence why ({@code byte-order mark FF FE}, {@code byte 0xE9 on line 3 is not UTF-8})
     * @param cutShort the only fault is a character cut short by the end of the stream (a truncated file)
     */
    public record Found(String name, Charset charset, String evidence, boolean cutShort) {

        Found(String name, Charset charset, String evidence) {
            this(name, charset, evidence, false);
        }


        /** One sentence for a reject's message, naming the file. */
        public String describe(String file) {
            return file + " is " + name + ", not UTF-8 (" + evidence + "): every row of the file is rejected; save it"
                    + " as UTF-8";
        }
    }

    /** The encoding of {@code in} (read to its end, not closed) when it is not UTF-8; null when it is. */
    public static Found check(InputStream in) throws IOException {
        byte[] head = in.readNBytes(SNIFF);
        Found wide = wide(head);
        if (wide != null) {
            return wide;
        }
        Utf8 utf8 = new Utf8();
        byte[] buffer = head;
        int length = head.length;
        while (length > 0) {
            Found bad = utf8.feed(buffer, 0, length);
            if (bad != null) {
                return bad;
            }
            if (buffer == head) {
                buffer = new byte[1 << 16];
            }
            length = in.readNBytes(buffer, 0, buffer.length);
        }
        return utf8.end();
    }

    /** UTF-32 or UTF-16 by byte-order mark or NUL pattern; null otherwise. */
    private static Found wide(byte[] b) {
        if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return new Found("UTF-32LE", Charset.forName("UTF-32LE"), "byte-order mark FF FE 00 00");
        }
        if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
            return new Found("UTF-32BE", Charset.forName("UTF-32BE"), "byte-order mark 00 00 FE FF");
        }
        if (startsWith(b, 0xFF, 0xFE)) {
            return new Found("UTF-16LE", StandardCharsets.UTF_16LE, "byte-order mark FF FE");
        }
        if (startsWith(b, 0xFE, 0xFF)) {
            return new Found("UTF-16BE", StandardCharsets.UTF_16BE, "byte-order mark FE FF");
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                if (i % 2 == 0) {
                    evenNul++;
                } else {
                    oddNul++;
                }
            }
        }
        int half = b.length / 2;
        // ASCII text in UTF-16: a NUL in (nearly) every high byte, none in the low bytes.
        if (half >= 2 && oddNul > 0.4 * half && evenNul < 0.05 * half) {
            return new Found("UTF-16LE", StandardCharsets.UTF_16LE, "no byte-order mark; every other byte is NUL");
        }
        if (half >= 2 && evenNul > 0.4 * half && oddNul < 0.05 * half) {
            return new Found("UTF-16BE", StandardCharsets.UTF_16BE, "no byte-order mark; every other byte is NUL");
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A streaming UTF-8 validator (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF),
     * also run on byte ranges of one file by the split reading of large feed files.
     */
    public static final class Utf8 {
        private long line = 1;
        private int pending;
        private int lead;
        private int seen;

        /** Feeds {@code length} bytes from {@code offset}; the first fault found, or null. */
        public Found feed(byte[] b, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                int x = b[i] & 0xFF;
                if (pending > 0) {
                    boolean ok = (x & 0xC0) == 0x80;
                    if (ok && seen == 0) {
                        // The second byte's range depends on the lead (overlongs and surrogates excluded).
                        ok = switch (lead) {
                            case 0xE0 -> x >= 0xA0;
                            case 0xED -> x <= 0x9F;
                            case 0xF0 -> x >= 0x90;
                            case 0xF4 -> x <= 0x8F;
                            default -> true;
                        };
                    }
                    if (!ok) {
                        return bad(lead);
                    }
                    seen++;
                    pending--;
                    continue;
                }
                if (x == '\n') {
                    line++;
                }
                if (x < 0x80) {
                    continue;
                }
                lead = x;
                seen = 0;
                if (x >= 0xC2 && x <= 0xDF) {
                    pending = 1;
                } else if (x >= 0xE0 && x <= 0xEF) {
                    pending = 2;
                } else if (x >= 0xF0 && x <= 0xF4) {
                    pending = 3;
                } else {
                    return bad(x);
                }
            }
            return null;
        }

        /** Continuation bytes the last character still needs (0 when it is complete). */
        public int pending() {
            return pending;
        }

        /** The fault of a stream that ends here: a character cut short, or null. */
        public Found end() {
            if (pending == 0) {
                return null;
            }
            Found bad = bad(lead);
            return new Found(bad.name(), bad.charset(), bad.evidence() + " (a character cut short at the end)", true);
        }

        private Found bad(int x) {
            return new Found("ISO-8859-1 (Latin-1) or Windows-1252", StandardCharsets.ISO_8859_1,
                    String.format("byte 0x%02X on line %d is not UTF-8", x, line));
        }
    }
}
