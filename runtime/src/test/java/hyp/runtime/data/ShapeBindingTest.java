package hyp.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.runtime.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShapeBindingTest {
    @TempDir
    Path dir;

    /** The declarations of examples/logreg.hyp. */
    private static Map<String, List<String>> logregDeclarations() {
        Map<String, List<String>> d = new LinkedHashMap<>();
        d.put("X", List.of("n", "d"));
        d.put("y", List.of("n"));
        d.put("Xv", List.of("m", "d"));
        d.put("yv", List.of("m"));
        return d;
    }

    private static DataValue value(String origin, int... shape) {
        int count = 1;
        for (int s : shape) {
            count *= s;
        }
        double[] data = new double[count];
        for (int i = 0; i < count; i++) {
            data[i] = i + 0.5;
        }
        return new DataValue(new Tensor(data, shape), origin);
    }

    private static Map<String, DataValue> logregValues(int yRows) {
        Map<String, DataValue> v = new LinkedHashMap<>();
        v.put("X", value("x.csv", 200, 5));
        v.put("y", value("y.csv", yRows, 1));
        v.put("Xv", value("xv.csv", 50, 5));
        v.put("yv", value("yv.csv", 1, 50));
        return v;
    }

    private static DataShapeException failure(Map<String, List<String>> declared, Map<String, DataValue> values) {
        return assertThrows(DataShapeException.class, () -> ShapeBinding.bind(declared, values));
    }

    @Test
    void bindsEveryDimensionAndReshapesColumnsAndRowsToVectors() {
        Map<String, DataValue> values = logregValues(200);
        ShapeBinding b = ShapeBinding.bind(logregDeclarations(), values);
        assertEquals(Map.of("n", 200, "d", 5, "m", 50), b.sizes());
        assertEquals(List.of("n", "d", "m"), List.copyOf(b.sizes().keySet()));
        assertEquals(200, b.size("n"));
        assertArrayEquals(new int[] {200}, b.tensor("y").shape);
        assertArrayEquals(new int[] {50}, b.tensor("yv").shape);
        assertArrayEquals(new int[] {200, 5}, b.tensor("X").shape);
        assertSame(values.get("y").tensor().data, b.tensor("y").data, "reshaping shares the values");
        assertSame(values.get("X").tensor(), b.tensor("X"));
    }

    @Test
    void conflictingSizesNameBothOriginsAndTheDimension() {
        DataShapeException e = failure(logregDeclarations(), logregValues(199));
        assertEquals(List.of("dimension n is 200 in X (x.csv) but 199 in y (y.csv)"), e.problems());
        assertEquals("dimension n is 200 in X (x.csv) but 199 in y (y.csv)", e.getMessage());
    }

    @Test
    void matrixGivenForAVectorIsARankError() {
        Map<String, DataValue> values = logregValues(200);
        values.put("y", value("y.csv", 200, 3));
        DataShapeException e = failure(logregDeclarations(), values);
        assertEquals(List.of("y (y.csv) must be a vector real[n], but it has 200 rows and 3 columns"), e.problems());
    }

    @Test
    void vectorGivenForAMatrixIsARankError() {
        Map<String, DataValue> values = logregValues(200);
        values.put("X", value("Java array", 200));
        DataShapeException e = failure(logregDeclarations(), values);
        assertEquals(List.of("X (Java array) must be a matrix real[n, d], but it is a vector of 200 values"),
                e.problems());
    }

    @Test
    void literalSizesAreChecked() {
        Map<String, List<String>> declared = new LinkedHashMap<>();
        declared.put("X", List.of("n", "5"));
        DataShapeException e = failure(declared, Map.of("X", value("x.csv", 10, 4)));
        assertEquals(List.of("dimension 2 of X (x.csv) must be 5 as declared real[n, 5], but it has 4 columns"),
                e.problems());
        DataShapeException one = failure(declared, Map.of("X", value("x.csv", 10, 1)));
        assertEquals(List.of("dimension 2 of X (x.csv) must be 5 as declared real[n, 5], but it has 1 column"),
                one.problems());
        assertEquals(10, ShapeBinding.bind(declared, Map.of("X", value("x.csv", 10, 5))).size("n"));
    }

    @Test
    void oneDimensionUsedTwiceInOneDeclarationMustAgreeWithItself() {
        Map<String, List<String>> declared = Map.of("K", List.of("n", "n"));
        DataShapeException e = failure(declared, Map.of("K", value("k.csv", 3, 4)));
        assertEquals(List.of("dimension n is 3 (rows) but 4 (columns) in K (k.csv)"), e.problems());
        assertEquals(3, ShapeBinding.bind(declared, Map.of("K", value("k.csv", 3, 3))).size("n"));
    }

    @Test
    void missingAndUndeclaredDataAreReportedTogetherWithOtherProblems() {
        Map<String, DataValue> values = logregValues(199);
        values.remove("yv");
        values.put("Z", value("z.csv", 3));
        DataShapeException e = failure(logregDeclarations(), values);
        assertEquals(List.of(
                "Z (z.csv) is not a data declaration; declared: X, y, Xv, yv",
                "dimension n is 200 in X (x.csv) but 199 in y (y.csv)",
                "no data given for yv: real[m]"), e.problems());
        assertEquals(String.join("\n", e.problems()), e.getMessage());
    }

    @Test
    void scalarDeclarationsAcceptOneValue() {
        Map<String, List<String>> declared = Map.of("c", List.of());
        ShapeBinding b = ShapeBinding.bind(declared, Map.of("c", value("c.csv", 1, 1)));
        assertEquals(0, b.tensor("c").rank());
        assertEquals(0.5, b.tensor("c").data[0]);
        DataShapeException e = failure(declared, Map.of("c", value("c.csv", 1, 3)));
        assertEquals(List.of("c (c.csv) must be a single number real, but it has 1 row and 3 columns"), e.problems());
    }

    @Test
    void higherRankDeclarationsNeedTheSameRank() {
        Map<String, List<String>> declared = Map.of("T", List.of("a", "b", "c"));
        DataShapeException e = failure(declared, Map.of("T", value("t.csv", 4, 6)));
        assertEquals(List.of("T (t.csv) must be a rank-3 tensor real[a, b, c], but it has 4 rows and 6 columns"),
                e.problems());
        ShapeBinding b = ShapeBinding.bind(declared, Map.of("T", value("Java array", 2, 3, 4)));
        assertEquals(Map.of("a", 2, "b", 3, "c", 4), b.sizes());
    }

    @Test
    void malformedDeclarationsAndUnknownLookupsAreProgrammingErrors() {
        assertThrows(IllegalArgumentException.class,
                () -> ShapeBinding.bind(Map.of("X", List.of("n+1")), Map.of("X", value("x.csv", 3))));
        assertThrows(IllegalArgumentException.class,
                () -> ShapeBinding.bind(Map.of("X", List.of("99999999999")), Map.of("X", value("x.csv", 3))));
        ShapeBinding b = ShapeBinding.bind(Map.of("x", List.of("n")), Map.of("x", value("x.csv", 3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.size("d"));
        assertTrue(e.getMessage().contains("'d'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.tensor("y"));
    }

    @Test
    void bindFilesReadsKeepingOrientation() throws IOException {
        Path x = dir.resolve("x.csv");
        Path y = dir.resolve("y.csv.gz");
        Path xv = dir.resolve("xv.csv");
        Path yv = dir.resolve("yv.csv");
        Files.writeString(x, "a,b\n1,2\n3,4\n5,6\n");
        CsvWriter.write(Tensor.vector(-1, 1, 1), y);
        Files.writeString(xv, "7,8\n");          // one row: a 1 x 2 matrix, not a vector of 2
        Files.writeString(yv, "1\n");
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("X", x);
        files.put("y", y);
        files.put("Xv", xv);
        files.put("yv", yv);
        ShapeBinding b = ShapeBinding.bindFiles(logregDeclarations(), files, CsvReader.STRICT);
        assertEquals(Map.of("n", 3, "d", 2, "m", 1), b.sizes());
        assertEquals(Tensor.vector(-1, 1, 1), b.tensor("y"));
        assertEquals(Tensor.matrix(new double[][] {{7, 8}}), b.tensor("Xv"));
    }

    @Test
    void bindFilesNamesFilesInShapeErrorsAndPassesFormatErrorsOn() throws IOException {
        Path x = dir.resolve("x.csv");
        Path y = dir.resolve("y.csv");
        Files.writeString(x, "1,2\n3,4\n");
        Files.writeString(y, "1\n2\n3\n");
        Map<String, List<String>> declared = new LinkedHashMap<>();
        declared.put("X", List.of("n", "d"));
        declared.put("y", List.of("n"));
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("X", x);
        files.put("y", y);
        DataShapeException shape = assertThrows(DataShapeException.class,
                () -> ShapeBinding.bindFiles(declared, files, CsvReader.STRICT));
        assertEquals("dimension n is 2 in X (" + x + ") but 3 in y (" + y + ")", shape.getMessage());
        Files.writeString(y, "1\nx\n");
        DataFormatException format = assertThrows(DataFormatException.class,
                () -> ShapeBinding.bindFiles(declared, files, CsvReader.STRICT));
        assertEquals(y + ":2:1: 'x' is not a number", format.getMessage());
    }
}
