package hyp.compiler.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.Pipeline;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.ir.Function;
import hyp.runtime.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Defs of many inputs are compared coordinate by coordinate on a random sample of their coordinates. */
class CoordinateSamplingTest {
    @Test
    void atMostSixtyFourCoordinatesPerPoint() {
        int[] some = PointCheck.coordinates(1000, new Random(2));
        assertEquals(PointCheck.MAX_COORDINATES, some.length);
        assertEquals(PointCheck.MAX_COORDINATES, Arrays.stream(some).distinct().count());
        assertTrue(Arrays.stream(some).allMatch(j -> j >= 0 && j < 1000));
        assertEquals(10, PointCheck.coordinates(10, new Random(2)).length);

        Function f = Pipeline.lower(Pipeline.check(new SourceFile("big.hyp", "def f(x: real[300]) = sum(tanh(x) * x)"))).get(0);
        Tensor x = Tensor.zeros(300);
        Random random = new Random(4);
        for (int i = 0; i < 300; i++) x.data[i] = random.nextGaussian();
        PointCheck.Result r = PointCheck.at(DerivativeCode.of(f), List.of(x), random);
        assertEquals(PointCheck.MAX_COORDINATES, r.steps());
        for (Comparison c : Comparison.values()) assertTrue(r.errors().get(c) <= c.tolerance, c + ": " + r.errors());
    }
}
