package hyp.compiler.reverse;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.Pipeline;
import hyp.compiler.StandardLibrary;
import hyp.compiler.build.ModelCompiler;
import hyp.compiler.diag.CompileException;
import hyp.compiler.diag.Diagnostic;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.train.HypergradientProgram;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Which steps invert: the standard optimizers that must, with their decay rates taken exactly from the text,
 * and the steps that cannot, each reported at the statement at fault.
 */
class StepAnalysisTest {
    @Test
    void theStandardOptimizersInvertWithExactDecayRates() {
        String adam = Setup.compile("", "adam(lr = 0.05)").describe();
        assertTrue(adam.contains("w = w - f") && adam.contains("m = 9/10·m + f") && adam.contains("v = 999/1000·v + f"), adam);
        assertTrue(Setup.compile("", "adam_corrected").describe().contains("v = 999/1000·v + f"));
        assertTrue(Setup.compile("", "momentum(beta = 0.99)").describe().contains("v = 99/100·v - f"), "the train statement's beta");
        assertTrue(Setup.compile("", "adam(b1 = 0.95)").describe().contains("m = 19/20·m"));
        assertEquals("w = w - f(w)", Setup.compile("", "sgd(lr = 0.5)").describe(), "SGD's increment reads w through grad");
        assertEquals("v = 9/10·v - f(v); w = w + f", Setup.compile("", "nesterov").describe());
    }

    /** A tuned learning rate scales the increment, which still does not read the state it updates. */
    @Test
    void aLearningRateThatIsAHyperStillInverts() {
        String hypers = "hyper loglr: real = -2\nhyper sched: real[100] = -2\n";
        assertEquals("v = 9/10·v - f; w = w + f", Setup.compile(hypers, "momentum(lr = exp(sched[t - 1]))").describe());
        assertTrue(Setup.compile(hypers, "adam(lr = exp(loglr))").describe().contains("m = 9/10·m + f"));
    }

    /** A tuned decay rate has no exact value to divide by: refused at the setting, saying why. */
    @Test
    void aDecayRateThatIsAHyperIsRefusedAtTheSetting() {
        Diagnostic d = rejected("hyper logit_beta: real = 2\n", "momentum(beta = sigmoid(logit_beta))");
        assertEquals("t.hyp", d.span().file().name());
        assertEquals(line(3), d.span().line(), "the train statement, after the declaration and its newline");
        assertEquals("sigmoid(logit_beta)", d.span().text());
        assertTrue(d.message().contains("'v = beta * v - lr * grad(w)'")
                && d.message().contains("reads hyper 'logit_beta', which tuning changes")
                && d.message().contains("not an exact constant"), d.message());
    }

    @Test
    void adamsUntilRuleIsEvaluatedWithItsMomentsAndMomentsShareOneFunction() {
        // g = grad(w) after w's update: m and v read it, w does not change again, so the until rule (‖g‖) can be
        // evaluated with m and v's increments, from the state after the step.
        ReversibleProgram p = Setup.compile("", "adam");
        assertTrue(p.describe().endsWith("(and until)"), p.describe());
        assertEquals(2, p.functions().size(), "one function for w, one for m, v and the rule");
    }

    @Test
    void armijosSearchedStepSizeIsADataDependentLearningRate() throws IOException {
        Diagnostic d = rejected("", "gd_armijo");
        assertEquals("<stdlib>/optimizers.hyp", d.span().file().name());
        assertEquals(libraryLine("while loss(w - a * g)"), d.span().line());
        assertTrue(d.message().contains("data-dependent") && d.message().contains("'w = w - a * g'"), d.message());
        assertTrue(d.message().contains("t.hyp:10:1"), "names the train statement: " + d.message());
    }

    @Test
    void theExactLineSearchIsRejectedAtItsLoop() throws IOException {
        Diagnostic d = rejected("", "gd_exact");
        assertEquals(libraryLine("for k in 0..50"), d.span().line());
    }

    @Test
    void aHistoryShiftLosesTheOldValue() {
        Diagnostic d = rejected("""
                optimizer shifted(lr = 0.1) {
                    init { s = 0.0 * w; previous = 0.0 * w }
                    step {
                        s = w - previous
                        previous = w
                        w = w - lr * grad(w) + 0.1 * s
                    }
                }
                """, "shifted");
        assertEquals(line(4), d.span().line());
        assertEquals(9, d.span().column());
        assertTrue(d.message().contains("does not keep the old value of 's'"), d.message());
    }

    @Test
    void aBranchOverStateUpdatesHasNoFixedInverse() {
        Diagnostic d = rejected("""
                optimizer sometimes(lr = 0.1) {
                    step {
                        if t > 5 { w = w - lr * grad(w) }
                    }
                }
                """, "sometimes");
        assertEquals(line(3), d.span().line());
        assertTrue(d.message().contains("branch assigns the state variable 'w'"), d.message());
    }

    @Test
    void aTemporaryReadAfterItsStateChangedCannotBeRecomputed() {
        Diagnostic d = rejected("""
                optimizer stale(lr = 0.1, beta = 0.9) {
                    init { v = 0.0 * w }
                    step {
                        g = grad(w)
                        w = w - lr * g
                        v = beta * v + g
                    }
                }
                """, "stale");
        assertEquals(line(6), d.span().line());
        assertTrue(d.message().contains("'g = grad(w)'") && d.message().contains("t.hyp:" + line(4) + ":9"), d.message());
    }

    @Test
    void aDecayRateMustBeAnExactConstant() {
        Diagnostic d = rejected("""
                optimizer decaying(lr = 0.1, b1 = 0.9) {
                    init { m = 0.0 * w }
                    step {
                        m = exp(b1) * m + grad(w)
                        w = w - lr * m
                    }
                }
                """, "decaying");
        assertEquals(line(4), d.span().line());
        assertEquals(13, d.span().column(), "points at the factor");
        assertTrue(d.message().contains("must be a constant"), d.message());
    }

    @Test
    void anIncrementMayReadItsTargetOnlyThroughGrad() {
        Diagnostic d = rejected("""
                optimizer scaled(lr = 0.1) {
                    step { w = w - lr * w * grad(w) }
                }
                """, "scaled");
        assertEquals(line(2), d.span().line());
        assertTrue(d.message().contains("reads 'w' in its increment other than through grad"), d.message());
        // through a temporary defined from grad only, it is a gradient step and inverts
        assertDoesNotThrow(() -> Setup.compile("""
                optimizer plain(lr = 0.1) {
                    step {
                        g = grad(w)
                        w = w - lr * g
                    }
                }
                """, "plain"));
    }

    @Test
    void usingReversibleChecksTheStepWhenTheProgramIsCompiled() {
        String program = Setup.PROBLEM.formatted("", "gd_armijo").replace("for 10 rounds", "for 10 rounds using reversible");
        var checked = Pipeline.check(new SourceFile("t.hyp", program));
        CompileException e = assertThrows(CompileException.class, () -> ModelCompiler.hypergradientProgram(checked));
        assertTrue(e.getMessage().contains("data-dependent"), e.getMessage());
        String fine = Setup.PROBLEM.formatted("", "adam").replace("for 10 rounds", "for 10 rounds using reversible");
        assertDoesNotThrow(() -> ModelCompiler.hypergradientProgram(Pipeline.check(new SourceFile("t.hyp", fine))));
    }

    /** The line in t.hyp of line {@code k} (1-based) of the declarations put into the problem. */
    private static int line(int k) {
        String before = Setup.PROBLEM.substring(0, Setup.PROBLEM.indexOf("%s"));
        return before.split("\n", -1).length + k - 1;
    }

    private static Diagnostic rejected(String declarations, String optimizer) {
        CompileException e = assertThrows(CompileException.class, () -> Setup.compile(declarations, optimizer));
        assertEquals(1, e.diagnostics().size());
        Diagnostic d = e.diagnostics().get(0);
        assertTrue(d.message().contains("cannot be inverted"), d.message());
        return d;
    }

    /** The 1-based line of the standard library that contains {@code text}. */
    private static int libraryLine(String text) throws IOException {
        try (InputStream in = hyp.runtime.Tensor.class.getResourceAsStream(StandardLibrary.RESOURCE)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) if (lines[i].contains(text)) return i + 1;
        }
        throw new AssertionError(text + " not in the library");
    }
}
