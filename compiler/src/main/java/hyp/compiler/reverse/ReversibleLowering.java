package hyp.compiler.reverse;

import hyp.compiler.check.CheckedProgram;
import hyp.compiler.lower.BlockLowering;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Prims;
import hyp.compiler.syntax.Decl;
import hyp.compiler.syntax.Stmt;
import hyp.compiler.train.OptimizerLowering;
import hyp.compiler.train.OptimizerProgram;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Emits the IR of a {@link StepPlan}: per group, a function (memory state..., t, context...) -> (increments...,
 * [until]) that replays the temporaries the group needs, in step order, and evaluates each increment where its
 * update stands; and, when no group computes it, a function of the state after the step for the until rule.
 */
final class ReversibleLowering {
    private ReversibleLowering() {}

    /** The name of group g's function. */
    static String groupFunction(Decl.Optimizer optimizer, int g) {
        return optimizer.name().name() + "_reverse_group" + g;
    }

    static String untilFunction(Decl.Optimizer optimizer) {
        return optimizer.name().name() + "_reverse_until";
    }

    static List<Function> lower(CheckedProgram program, Decl.Train train, OptimizerProgram compiled,
                                Decl.Optimizer optimizer, StepPlan plan) {
        Map<String, OptimizerLowering.StepPart> parts = new LinkedHashMap<>();
        for (int g = 0; g < plan.groups().size(); g++) {
            StepPlan.Group group = plan.groups().get(g);
            parts.put(groupFunction(optimizer, g), (b, lowering, env, grad, loss) -> groupBody(plan, group, b, lowering, env, grad, loss));
        }
        if (plan.until() != null && !plan.untilInLastGroup()) {
            parts.put(untilFunction(optimizer), (b, lowering, env, grad, loss) -> {
                Map<String, Var> after = replay(plan, new TreeSet<>(plan.untilSlice()), plan.stmts().size(), lowering, env, grad, loss);
                return List.of(lowering.expression(plan.until(), after));
            });
        }
        return OptimizerLowering.stepParts(program, train, compiled, parts);
    }

    private static List<Var> groupBody(StepPlan plan, StepPlan.Group group, IrBuilder b, BlockLowering lowering,
                                       Map<String, Var> env, UnaryOperator<Var> grad, UnaryOperator<Var> loss) {
        Set<Integer> needed = new TreeSet<>();
        for (StepPlan.Update u : group.updates()) needed.addAll(u.slice());
        if (group.yieldsStop()) needed.addAll(plan.untilSlice());
        lowering.run(List.of(), env, grad, loss);   // makes grad(..) and loss(..) known to expressions
        List<Var> results = new ArrayList<>();
        Map<String, Var> names = env;
        int next = 0;
        for (StepPlan.Update u : group.updates()) {
            names = replay(plan, needed, next, u.position(), lowering, names, grad, loss);
            results.add(increment(u, b, lowering, names));
            next = u.position() + 1;
        }
        if (group.yieldsStop()) {
            names = replay(plan, needed, next, plan.stmts().size(), lowering, names, grad, loss);
            results.add(lowering.expression(plan.until(), names));
        }
        return results;
    }

    private static Map<String, Var> replay(StepPlan plan, Set<Integer> needed, int end, BlockLowering lowering,
                                           Map<String, Var> env, UnaryOperator<Var> grad, UnaryOperator<Var> loss) {
        lowering.run(List.of(), env, grad, loss);
        return replay(plan, needed, 0, end, lowering, env, grad, loss);
    }

    /** Lowers the needed statements at positions [from, end) in order; returns the names after them. */
    private static Map<String, Var> replay(StepPlan plan, Set<Integer> needed, int from, int end, BlockLowering lowering,
                                           Map<String, Var> env, UnaryOperator<Var> grad, UnaryOperator<Var> loss) {
        Map<String, Var> names = env;
        for (int q = from; q < end; q++) {
            if (!needed.contains(q)) continue;
            Stmt s = plan.stmts().get(q);
            names = lowering.run(List.of(s), names, grad, loss);
        }
        return names;
    }

    /** f as a real or tensor value: a lone term as written (the runtime applies its sign), or the signed sum. */
    private static Var increment(StepPlan.Update u, IrBuilder b, BlockLowering lowering, Map<String, Var> names) {
        List<UpdateForm.Term> terms = u.form().increment();
        if (terms.isEmpty()) return b.real(0.0);
        if (terms.size() == 1) return real(b, lowering.expression(terms.get(0).expr(), names));
        Var sum = null;
        for (UpdateForm.Term t : terms) {
            Var v = real(b, lowering.expression(t.expr(), names));
            if (sum == null) sum = t.sign() > 0 ? v : b.neg(v);
            else sum = t.sign() > 0 ? b.op(Prims.ADD, sum, v) : b.op(Prims.SUB, sum, v);
        }
        return sum;
    }

    private static Var real(IrBuilder b, Var v) {
        return v.type().isInt() ? b.op(Prims.TO_REAL, v) : v;
    }
}
