package hyp.compiler.train;

import static hyp.compiler.testing.Agreement.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.Pipeline;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.testing.LogregProblem;
import hyp.runtime.hyper.Hypergradient;
import hyp.runtime.hyper.HypergradientException;
import hyp.runtime.hyper.StoreAll;
import hyp.runtime.train.CompiledDynamics;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The complex-step hypergradient of per-feature L2 logistic regression against unrolled store-all: the two share
 * no derivative rule, so agreement to rounding checks both.
 */
class ComplexStepHypergradientTest {
    private record Setup(HypergradientProgram program, CompiledDynamics dynamics, Map<String, Object> values, double[] hyper) {}

    private static Setup setup(String optimizer, int steps) {
        CheckedProgram checked = Pipeline.check(new SourceFile("t.hyp", LogregProblem.trainedBy(optimizer, steps)));
        HypergradientProgram hp = HypergradientProgram.compile(checked);
        Map<String, Object> values = LogregProblem.data(11, 12, 8, 4);
        CompiledDynamics d = hp.dynamics(values, new GeneratedMethods(hp.functions()));
        return new Setup(hp, d, values, hp.hyperVector(d, values));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd(lr = 0.5)", "momentum(lr = 0.2)", "nesterov(lr = 0.2)", "adam(lr = 0.05)", "gd_armijo"})
    void equalsUnrolledToRounding(String optimizer) {
        int steps = 40;
        Setup s = setup(optimizer, steps);
        Hypergradient unrolled = new StoreAll().compute(s.dynamics(), steps, s.hyper());
        Hypergradient complex = ComplexStepHypergradient.of(s.program()).compute(s.values(), steps);
        assertEquals(unrolled.value(), complex.value(), 1e-12 * Math.abs(unrolled.value()), optimizer + " value");
        close(unrolled.gradient(), complex.gradient(), 1e-12, optimizer);
        assertEquals(0, complex.memory().storedStates());
        assertEquals((long) s.hyper().length * steps, complex.work().forwardSteps(), optimizer + " work");
    }

    /** Adam's until rule (‖g‖ < 1e-6) freezes the state: the complex runs stop there and still agree. */
    @Test
    void theUntilRuleFreezesTheComplexRunAsTheRealOne() {
        int steps = 2000;
        Setup s = setup("adam(lr = 0.05)", steps);
        Hypergradient unrolled = new StoreAll().compute(s.dynamics(), steps, s.hyper());
        Hypergradient complex = ComplexStepHypergradient.of(s.program()).compute(s.values(), steps);
        assertTrue(complex.work().forwardSteps() < (long) s.hyper().length * steps,
                "the until rule should hold within " + steps + " steps, so the complex runs stop early");
        close(unrolled.gradient(), complex.gradient(), 1e-12, "adam with until");
    }

    /** SGD with a step far past 2/curvature diverges; the overflow is reported with the entry and the step. */
    @Test
    void aDivergingRunNamesTheEntryAndTheStep() {
        Setup s = setup("sgd(lr = 1e6)", 400);
        HypergradientException e = assertThrows(HypergradientException.class,
                () -> ComplexStepHypergradient.of(s.program()).compute(s.values(), 400));
        assertTrue(e.getMessage().contains("rho[0]") && e.getMessage().contains("after step"), e.getMessage());
    }
}
