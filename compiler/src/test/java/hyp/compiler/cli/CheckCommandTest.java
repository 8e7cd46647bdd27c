package hyp.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Emission;
import hyp.compiler.prim.Primitive;
import hyp.compiler.prim.Prims;
import hyp.compiler.types.Dim;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hyp check}: passes on correct derivative code, and fails with exit code 1 on a deliberately wrong rule. */
class CheckCommandTest {
    record Run(int code, String out, String err) {}

    static Run hyp(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** exp with its real emission and complex version, but one rule scaled by 2 (the other left right). */
    record WrongExp(boolean wrongAdjoint) implements Primitive {
        public String name() { return "exp"; }

        public Type resultType(List<Type> args, Object attr) throws ShapeError { return Prims.EXP.resultType(args, attr); }

        public Emission emission(List<Type> args, Object attr) { return Prims.EXP.emission(args, attr); }

        public Emission complexEmission(List<Type> args, Object attr) { return Prims.EXP.complexEmission(args, attr); }

        public Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
            Var right = Prims.EXP.jvp(b, op, t);
            return wrongAdjoint ? right : b.mul(b.real(2.0), right);
        }

        public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
            List<Var> right = new ArrayList<>(Prims.EXP.vjp(b, op, cot));
            if (wrongAdjoint) right.set(0, b.mul(b.real(2.0), right.get(0)));
            return right;
        }
    }

    /** f(x: real[3], a: real) = sum(exp(x) * a) with the given exp. */
    private static Function withExp(Primitive exp) {
        IrBuilder b = new IrBuilder(Prims.ARITHMETIC);
        List<Var> params = List.of(b.fresh(Type.tensor(Dim.named("n")), "x"), b.fresh(Type.REAL, "a"));
        Block body = b.block(params, () -> List.of(b.op(Prims.SUM, b.mul(b.op(exp, params.get(0)), params.get(1)))));
        return new Function("f", List.of("x", "a"), body);
    }

    private static String row(String table, String label) {
        return table.lines().filter(l -> l.contains(label)).findFirst().orElseThrow(() -> new AssertionError(label + " in\n" + table));
    }

    @Test
    void rightRulesPassAndAWrongAdjointRuleFails() {
        StringWriter right = new StringWriter();
        assertEquals(Main.OK, CheckCommand.check(List.of(withExp(Prims.EXP)), 5, 1, new PrintWriter(right)), right.toString());
        assertFalse(right.toString().contains("FAILED"), right.toString());

        StringWriter wrong = new StringWriter();
        assertEquals(Main.CHECK_FAILED, CheckCommand.check(List.of(withExp(new WrongExp(true))), 5, 1, new PrintWriter(wrong)));
        String table = wrong.toString();
        assertTrue(row(table, "adjoint vs complex step").endsWith("FAILED"), table);
        assertTrue(row(table, "adjoint vs central differences").endsWith("FAILED"), table);
        assertTrue(row(table, "tangent vs complex step").endsWith("ok"), table);
        assertTrue(table.contains("1 of 1 defs FAILED"), table);
    }

    @Test
    void aWrongTangentRuleFailsTheTangentAndTheHessianVectorProduct() {
        StringWriter wrong = new StringWriter();
        assertEquals(Main.CHECK_FAILED, CheckCommand.check(List.of(withExp(new WrongExp(false))), 5, 1, new PrintWriter(wrong)));
        String table = wrong.toString();
        assertTrue(row(table, "tangent vs complex step").endsWith("FAILED"), table);
        assertTrue(row(table, "Hessian-vector").endsWith("FAILED"), table);
        assertTrue(row(table, "adjoint vs complex step").endsWith("ok"), table);
    }

    @Test
    void checksEveryDefOfAFileWithBranchesLoopsAndKinks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kinks.hyp");
        Files.writeString(file, """
                data X: real[n, d]
                param w: real[d] = 0
                def hinge(w) = mean(relu(1 - X @ w)) + 0.1 * norm(w) + max(w)
                def walk(x: real, k: int) -> real {
                    s = x
                    for i in 0..k {
                        if s > 1 { s = s / 2 } else { s = abs(s) + x * x }
                    }
                    return s
                }
                def flag(x: real) -> bool = x > 0
                def count(k: int) -> real = 2 * k
                """);
        Run r = hyp("check", file.toString(), "--points", "6", "--seed", "3");
        assertEquals(Main.OK, r.code(), r.out() + r.err());
        for (String def : List.of("hinge", "walk")) {
            assertEquals(4, r.out().lines().filter(l -> l.startsWith(def + " ") && l.endsWith(" ok")).count(), r.out());
        }
        assertTrue(r.out().contains("not checked: flag (has no single real or tensor result), count (has no real or tensor inputs)"), r.out());
        assertTrue(r.out().contains("all 2 defs passed"), r.out());

        Run one = hyp("check", file.toString(), "walk", "--points", "2");
        assertEquals(Main.OK, one.code(), one.err());
        assertFalse(one.out().contains("hinge"), one.out());
        assertEquals(Main.BAD_INPUT, hyp("check", file.toString(), "nothere").code());
        assertEquals(Main.BAD_INPUT, hyp("check", file.toString(), "flag").code());
        assertEquals(Main.BAD_INPUT, hyp("check", file.toString(), "--points", "0").code());
    }
}
