package com.sparecast.jobs.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparecast.jobs.report.PartPage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identifiers that name files: the strict pattern of master data and the writers' second check. */
class IdentifiersTest {

    /** Every hostile shape of issue 16: traversal, separators, NUL, control characters, over-long, reserved. */
    static final List<String> HOSTILE = List.of("../../x", "../../../../outside/escaped", "a/b", "a\\b", "/etc/passwd",
            "WH\u0000DE", "WH\u0001DE", "WH\nDE", "WH\tDE", "x".repeat(300), "CON", "con", "NUL.csv", "COM1", "LPT9",
            ".", "..", ".hidden", "-rf", "WH.", "WH DE", "WH-Ü", "WH\u202eDE", "");

    @TempDir
    Path temp;

    @Test
    void plainIdentifiersPass() {
        for (String ok : List.of("WH-DE", "DC-NL", "WH_1", "A", "wh.de", "CONSOLE", "COM10", "x".repeat(64))) {
            assertNull(Identifiers.problem(ok), ok);
        }
    }

    @Test
    void everyHostileIdentifierIsRefusedWithAReason() {
        for (String bad : HOSTILE) {
            String problem = Identifiers.problem(bad);
            assertNotNull(problem, "accepted: " + Identifiers.printable(bad));
            assertTrue(problem.indexOf('\u0000') < 0 && problem.indexOf('\n') < 0,
                    "the reason shows control characters escaped: " + problem);
        }
    }

    @Test
    void writersRefuseEveryNameThatIsNotAPlainFileInsideTheirFolder() {
        Path folder = temp.resolve("out/restock");
        for (String bad : HOSTILE) {
            if (!bad.equals("WH.")) { // "WH..csv" is a plain file name
                assertThrows(IllegalArgumentException.class, () -> Identifiers.resolveInside(folder, bad + ".csv"),
                        Identifiers.printable(bad));
            }
            assertThrows(IllegalArgumentException.class, () -> Identifiers.resolveInside(folder, bad),
                    Identifiers.printable(bad));
        }
        assertEquals(folder.toAbsolutePath().normalize().resolve("WH-DE.csv"),
                Identifiers.resolveInside(folder, "WH-DE.csv"));
    }

    @Test
    void partPageNamesAreSafeAndBoundedWhateverThePartNumber() {
        for (String part : List.of("../../x", "a/b", "a\\b", "P\u00001", "p".repeat(300), "..")) {
            PartPage page = new PartPage("WH-DE", part, "", "", "", "", "", "", "", null, new double[0], new double[0],
                    new double[0][], Map.of(), Map.of());
            Path file = Identifiers.resolveInside(temp, page.fileName());
            assertEquals(temp.toAbsolutePath().normalize(), file.getParent());
            assertTrue(page.fileName().length() <= 140, page.fileName());
        }
        PartPage a = new PartPage("WH-DE", "p".repeat(300) + "a", "", "", "", "", "", "", "", null, new double[0],
                new double[0], new double[0][], Map.of(), Map.of());
        PartPage b = new PartPage("WH-DE", "p".repeat(300) + "b", "", "", "", "", "", "", "", null, new double[0],
                new double[0], new double[0][], Map.of(), Map.of());
        assertTrue(!a.fileName().equals(b.fileName()), "long part numbers keep distinct pages");
    }
}
