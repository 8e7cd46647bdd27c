package hyp.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.runtime.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticSetsTest {
    @TempDir
    Path dir;

    private static Map<String, List<String>> logregDeclarations() {
        Map<String, List<String>> d = new LinkedHashMap<>();
        d.put("X", List.of("n", "d"));
        d.put("y", List.of("n"));
        d.put("Xv", List.of("m", "d"));
        d.put("yv", List.of("m"));
        return d;
    }

    private static Map<String, Path> files(Path folder, String suffix) {
        Map<String, Path> f = new LinkedHashMap<>();
        for (String name : List.of("X", "y", "Xv", "yv")) {
            f.put(name, folder.resolve(name + suffix));
        }
        return f;
    }

    @Test
    void logregFilesBindToTheExampleDeclarations() throws IOException {
        List<Path> written = SyntheticSets.write("logreg", dir, Map.of("n", "60", "m", "40", "d", "12"), false);
        assertEquals(List.of("X.csv", "y.csv", "Xv.csv", "yv.csv", "w_true.csv"),
                written.stream().map(p -> p.getFileName().toString()).toList());
        ShapeBinding b = ShapeBinding.bindFiles(logregDeclarations(), files(dir, ".csv"), CsvReader.STRICT);
        assertEquals(Map.of("n", 60, "d", 12, "m", 40), b.sizes());
        for (double label : b.tensor("yv").data) {
            assertTrue(label == 1.0 || label == -1.0);
        }
        Tensor w = CsvReader.STRICT.read(dir.resolve("w_true.csv"));
        assertEquals(5, Arrays.stream(w.data).filter(v -> v != 0).count(), "default informative features");
    }

    @Test
    void filesHoldConsecutiveDrawsOfTheDocumentedModel() throws IOException {
        SyntheticSets.write("logreg", dir, Map.of("n", "30", "m", "20", "d", "7", "informative", "2",
                "noise", "0.5", "seed", "77"), false);
        SyntheticLogreg s = Synthetic.logreg(50, 7, 2, 0.5, 77);
        assertEquals(s.data().slice(0, 30).x(), CsvReader.STRICT.read(dir.resolve("X.csv")));
        assertEquals(s.data().slice(30, 50).y(), CsvReader.STRICT.read(dir.resolve("yv.csv")));
        assertEquals(s.trueWeights(), CsvReader.STRICT.read(dir.resolve("w_true.csv")));
    }

    @Test
    void sameSeedWritesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        SyntheticSets.write("kernel-logreg", a, Map.of("seed", "5", "n", "50"), false);
        SyntheticSets.write("kernel-logreg", b, Map.of("seed", "5", "n", "50"), false);
        SyntheticSets.write("kernel-logreg", c, Map.of("seed", "6", "n", "50"), false);
        assertArrayEquals(Files.readAllBytes(a.resolve("X.csv")), Files.readAllBytes(b.resolve("X.csv")));
        assertFalse(Arrays.equals(Files.readAllBytes(a.resolve("X.csv")), Files.readAllBytes(c.resolve("X.csv"))));
    }

    @Test
    void planarSetsAreGzippedOnRequestAndHaveTwoColumnsAndZeroOneLabels() throws IOException {
        for (String name : List.of("kernel-logreg", "two-moons")) {
            Path folder = dir.resolve(name);
            List<Path> written = SyntheticSets.write(name, folder, Map.of(), true);
            assertEquals(4, written.size());
            ShapeBinding b = ShapeBinding.bindFiles(logregDeclarations(), files(folder, ".csv.gz"), CsvReader.STRICT);
            assertEquals(Map.of("n", 200, "d", 2, "m", 200), b.sizes(), name);
            for (double label : b.tensor("y").data) {
                assertTrue(label == 0.0 || label == 1.0, name + " label " + label);
            }
            assertEquals(0x1f, Files.readAllBytes(written.get(0))[0] & 0xff, "gzip magic");
        }
    }

    @Test
    void everySetHasADescriptionAndDefaultsThatWork() throws IOException {
        for (String name : SyntheticSets.names()) {
            assertFalse(SyntheticSets.describe(name).isBlank());
            assertTrue(SyntheticSets.defaults(name).keySet().containsAll(List.of("n", "m", "seed")));
            List<Path> written = SyntheticSets.write(name, dir.resolve("d-" + name), Map.of("n", "5", "m", "3"), false);
            assertEquals(5, CsvReader.STRICT.read(written.get(1)).size());
            assertEquals(3, CsvReader.STRICT.read(written.get(3)).size());
        }
    }

    @Test
    void unknownSetsOptionsAndBadValuesAreExplained() {
        IllegalArgumentException set = assertThrows(IllegalArgumentException.class,
                () -> SyntheticSets.write("spirals", dir, Map.of(), false));
        assertEquals("unknown synthetic set 'spirals'; known: logreg, kernel-logreg, two-moons", set.getMessage());
        IllegalArgumentException option = assertThrows(IllegalArgumentException.class,
                () -> SyntheticSets.write("logreg", dir, Map.of("k", "3"), false));
        assertEquals("synthetic set logreg: unknown option 'k'; options: n, m, d, informative, noise, seed",
                option.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> SyntheticSets.write("logreg", dir, Map.of("n", "ten"), false));
        assertEquals("synthetic set logreg: option n must be an integer, got 'ten'", count.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> SyntheticSets.write("two-moons", dir, Map.of("m", "0"), false));
        assertEquals("synthetic set two-moons: option m must be a positive integer, got '0'", zero.getMessage());
        IllegalArgumentException noise = assertThrows(IllegalArgumentException.class,
                () -> SyntheticSets.write("kernel-logreg", dir, Map.of("noise", "-1"), false));
        assertEquals("synthetic set kernel-logreg: option noise must be a finite number >= 0, got '-1'",
                noise.getMessage());
        IllegalArgumentException informative = assertThrows(IllegalArgumentException.class,
                () -> SyntheticSets.write("logreg", dir, Map.of("d", "4", "informative", "9"), false));
        assertEquals("synthetic set logreg: option informative must be an integer from 0 to d = 4, got '9'",
                informative.getMessage());
    }
}
