package hyp.compiler.backend.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.ir.Function;
import hyp.runtime.Tensor;
import hyp.runtime.complex.Complex;
import hyp.runtime.complex.ComplexTensor;
import hyp.runtime.ops.ShapeMismatchException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InterpreterTest {
    /** The seed's loop written directly in Java. */
    private static double mod1Java(double x) {
        while (x < 0 || x >= 1) {
            if (x < 0) x = x + 1;
            else x = x - 1;
        }
        return x;
    }

    @Test
    void mod1MatchesTheSeedExamples() {
        Function f = Samples.mod1();
        assertEquals(0.3, (Double) Interpreter.run(f, List.of(-2.7)), 1e-12);
        assertEquals(0.25, (Double) Interpreter.run(f, List.of(5.25)), 1e-12);
        assertEquals(0.5, (Double) Interpreter.run(f, List.of(0.5)), 0.0);
        assertEquals(0.0, (Double) Interpreter.run(f, List.of(-1.0)), 0.0);
        Random r = new Random(1);
        for (int k = 0; k < 200; k++) {
            double x = (r.nextDouble() - 0.5) * 40;
            assertEquals(mod1Java(x), (Double) Interpreter.run(f, List.of(x)), 0.0, "x = " + x);
        }
    }

    @Test
    void mod1RecordsTripCountsAndBranches() {
        Path.Recorder rec = Path.recorder();
        Interpreter.run(Samples.mod1(), List.of(-2.7), rec);
        List<Path.Event> events = rec.path().events();
        assertEquals(4, events.size());
        assertEquals(new Path.Loop("while", 2, 5, 3), events.get(0));
        for (Path.Event e : events.subList(1, 4)) assertEquals(new Path.Branch(3, 9, true), e);

        Path.Recorder up = Path.recorder();
        Interpreter.run(Samples.mod1(), List.of(5.25), up);
        assertEquals(new Path.Loop("while", 2, 5, 5), up.path().events().get(0));
        assertTrue(up.path().events().subList(1, 6).stream().allMatch(e -> e.equals(new Path.Branch(3, 9, false))));

        Path.Recorder none = Path.recorder();
        Interpreter.run(Samples.mod1(), List.of(0.5), none);
        assertEquals(List.of(new Path.Loop("while", 2, 5, 0)), none.path().events());
        assertEquals("[{\"kind\": \"while\", \"at\": \"2:5\", \"trips\": 0}]", none.path().toJson());
    }

    @Test
    void pathJsonNamesTheBranchTaken() {
        Path.Recorder rec = Path.recorder();
        Interpreter.run(Samples.mod1(), List.of(-1.0), rec);
        assertEquals("[{\"kind\": \"while\", \"at\": \"2:5\", \"trips\": 1}, "
                + "{\"kind\": \"if\", \"at\": \"3:9\", \"taken\": \"then\"}]", rec.path().toJson());
    }

    @Test
    void nanLeavesMod1AtOnceBecauseEveryComparisonIsFalse() {
        Path.Recorder rec = Path.recorder();
        assertTrue(Double.isNaN((Double) Interpreter.run(Samples.mod1(), List.of(Double.NaN), rec)));
        assertEquals(0, ((Path.Loop) rec.path().events().get(0)).trips());
    }

    @Test
    void forLoopSumsSquaresAndSkipsEmptyRanges() {
        Function f = Samples.sumSquares();
        double expected = 1.5;
        for (int i = -3; i < 7; i++) expected += i * i;
        assertEquals(expected, (Double) Interpreter.run(f, List.of(-3, 7, 1.5)), 0.0);
        Path.Recorder rec = Path.recorder();
        assertEquals(2.5, (Double) Interpreter.run(f, List.of(4, 2, 2.5), rec), 0.0);
        assertEquals(List.of(new Path.Loop("for", 0, 0, 0)), rec.path().events());
    }

    @Test
    void nestedLoopsCarryValuesAcrossBothLevels() {
        int n = 4, m = 3;
        double acc = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) acc = acc * 0.5 + (double) i * (double) j;
            k++;
        }
        Path.Recorder rec = Path.recorder();
        Object[] out = (Object[]) Interpreter.run(Samples.nested(), List.of(n, m), rec);
        assertEquals(acc, (Double) out[0], 0.0);
        assertEquals(k, out[1]);
        List<Path.Event> events = rec.path().events();
        assertEquals(1 + n, events.size());
        assertEquals(n, ((Path.Loop) events.get(0)).trips());
        for (Path.Event e : events.subList(1, events.size())) assertEquals(m, ((Path.Loop) e).trips());
    }

    @Test
    void scalarOperatorsFollowJava() {
        Random r = new Random(2);
        for (int t = 0; t < 300; t++) {
            int p = r.nextInt(201) - 100, q = t % 7 == 0 ? Integer.MAX_VALUE : r.nextInt(200) + 1;
            double x = Samples.real(r), y = t % 5 == 0 ? Double.NaN : Samples.real(r);
            Object[] out = (Object[]) Interpreter.run(Samples.scalarOps(), List.of(p, q, x, y));
            Object[] want = {p + q, p - q, p * q, -p, -x, x / y, x < y, x <= y, x > y, x >= y, x == y, x != y,
                    p < q, p <= q, p == q, p != q, x < y && p < q, x < y || p < q, !(x < y), (x < y) == (p < q),
                    (double) p + x};
            assertArrayEquals(want, out, "p=" + p + " q=" + q + " x=" + x + " y=" + y);
        }
    }

    @Test
    void tensorOpsAgreeWithPlainLoops() {
        Random r = new Random(3);
        int n = 3, m = 4;
        Tensor a = Samples.tensor(r, n, m), v = Samples.tensor(r, m);
        double s = 0.75;
        Object[] out = (Object[]) Interpreter.run(Samples.tensorOps(), List.of(a, v, s));
        double[] av = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) av[i] += a.data[i * m + j] * v.data[j];
            total += av[i] + s;
        }
        assertArrayEquals(av, data(out[0]), 1e-12);
        for (int i = 0; i < n; i++) assertEquals(av[i] + s, data(out[1])[i], 1e-12);
        assertEquals(total, (Double) out[2], 1e-12);
        assertEquals(a.data[m], (Double) out[3], 0.0);
        assertArrayEquals(java.util.Arrays.copyOfRange(a.data, m, 2 * m), data(out[4]), 0.0);
        for (int i = 0; i < n; i++) assertEquals(a.data[i * m], data(out[5])[i], 0.0);
        assertEquals(v.data[1], (Double) out[6], 0.0);
        assertArrayEquals(new double[] {v.data[1], v.data[2]}, data(out[7]), 0.0);
        assertArrayEquals(new double[] {s, total, a.data[m]}, data(out[8]), 1e-12);
        Tensor rows = (Tensor) out[9];
        assertArrayEquals(new int[] {2, m}, rows.shape);
        for (int j = 0; j < m; j++) {
            assertEquals(a.data[m + j], rows.data[j], 0.0);
            assertEquals(v.data[j], rows.data[m + j], 0.0);
        }
        Tensor gram = (Tensor) out[10];
        assertArrayEquals(new int[] {n, n}, gram.shape);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double g = 0;
                for (int j = 0; j < m; j++) g += a.data[i * m + j] * a.data[k * m + j];
                assertEquals(g, gram.data[i * n + k], 1e-12);
            }
        }
        assertEquals(m, out[11]);
        for (int i = 0; i < n * m; i++) assertEquals(Math.exp(a.data[i]), data(out[12])[i], 1e-12 * Math.exp(a.data[i]));
        double dot = 0;
        for (double e : v.data) dot += e * e;
        assertEquals(dot, (Double) out[13], 1e-12);
    }

    @Test
    void runtimeExceptionsPropagateUnchanged() {
        Random r = new Random(4);
        assertThrows(ShapeMismatchException.class,
                () -> Interpreter.run(Samples.tensorOps(), List.of(Samples.tensor(r, 3, 4), Samples.tensor(r, 5), 1.0)));
    }

    @Test
    void undefinedConstantsAreZeroFalseAndNull() {
        Object[] out = (Object[]) Interpreter.run(Samples.undefs(), List.of());
        assertEquals(0.0, out[0]);
        assertEquals(0, out[1]);
        assertEquals(false, out[2]);
        assertNull(out[3]);
    }

    @Test
    void aMillionTripsRunWithoutDeepRecursion() {
        Path.Recorder rec = Path.recorder();
        Object[] out = (Object[]) Interpreter.run(Samples.countTo(), List.of(1_000_000), rec);
        assertEquals(1_000_000, out[0]);
        assertEquals(500_000.0, (Double) out[1], 0.0);
        assertEquals(List.of(new Path.Loop("while", 0, 0, 1_000_000)), rec.path().events());
    }

    @Test
    void mathCallsMatchJava() {
        double x = 0.7, y = -1.3;
        double want = Math.exp(x) + Math.max(x, y) + Math.pow(x, y) * (1 / (1 + Math.exp(-y))) - Math.min(x, y);
        assertEquals(want, (Double) Interpreter.run(Samples.mathCalls(), List.of(x, y)), 1e-12);
    }

    @Test
    void tapePopsInReverseOrder() {
        double x = 1.25;
        int n = 7;
        double want = 0;
        for (int k = 0; k < n; k++) want += (n - 1 - k) * x * k;
        assertEquals(want, (Double) Interpreter.run(Samples.tapeRoundTrip(), List.of(x, n)), 1e-12);
    }

    /** Complex-step code: Im f(x + ih) / h is f'(x) = 1 + 2nx + exp(x) for f(x) = x + n x² + exp(x). */
    @Test
    void complexStepCodeGivesTheDerivativeInItsImaginaryPart() {
        double x = 0.4, h = 1e-20;
        int n = 3;
        Object[] out = (Object[]) Interpreter.run(Samples.complexStep(), List.of(new Complex(x, h), n));
        Complex total = (Complex) out[0];
        assertEquals(x + n * x * x + Math.exp(x), total.re(), 1e-12);
        assertEquals(1 + 2 * n * x + Math.exp(x), total.im() / h, 1e-12);
        assertEquals(x < n * x * x + Math.exp(x), out[1]);
        assertArrayEquals(new int[] {2}, ((ComplexTensor) out[2]).shape);
    }

    @Test
    void badArgumentsAreRejectedWithTheParameterName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Interpreter.run(Samples.sumSquares(), List.of(1, 2.0, 3.0)));
        assertTrue(e.getMessage().contains("to"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Interpreter.run(Samples.mod1(), List.of()));
        Random r = new Random(5);
        IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
                () -> Interpreter.run(Samples.tensorOps(), List.of(Samples.tensor(r, 3), Samples.tensor(r, 3), 1.0)));
        assertTrue(rank.getMessage().contains("rank"), rank.getMessage());
        assertFalse(rank.getMessage().isEmpty());
    }

    private static double[] data(Object t) {
        return ((Tensor) t).data;
    }
}
