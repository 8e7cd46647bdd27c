package hyp.compiler.train;

import hyp.compiler.backend.bytecode.JavaNames;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.check.Checker;
import hyp.compiler.check.Global;
import hyp.compiler.diag.CompileException;
import hyp.compiler.ir.Function;
import hyp.compiler.syntax.Decl;
import hyp.compiler.syntax.Expr;
import hyp.compiler.types.Type;
import hyp.runtime.embed.OuterRule;
import hyp.runtime.hyper.HypergradientMethod;
import hyp.runtime.train.Arguments;
import hyp.runtime.train.BatchRule;
import hyp.runtime.train.ScheduleRead;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The wiring of a tune statement's generated training functions, written for the embedded solver
 * ({@code hyp.runtime.embed.Wiring} documents the keys): what {@link HypergradientProgram#dynamics} and
 * {@link HypergradientProgram#objective} compute from the IR, with each fixed argument named instead of bound, and
 * each declaration's type and default, so the runtime can bind values the compiler never sees.
 */
public final class SolverWiring {
    private final Properties p = new Properties();
    private final HypergradientProgram hp;

    private SolverWiring(HypergradientProgram hp) {
        this.hp = hp;
    }

    /**
     * The wiring as a properties file (sorted keys, no date, so the same file gives the same bytes).
     *
     * @param trainingClass the class {@code hp.functions()} are compiled to
     * @param method        the tune statement's method
     * @param rule          its outer update rule, settings resolved
     * @param reversible    the wiring of the train statement's step compiled for running backwards (written by
     *                      {@code hyp.compiler.reverse.ReversibleWiring}), empty when the step cannot be inverted
     *                      (the jar then has no reversible part)
     */
    public static byte[] write(CheckedProgram program, HypergradientProgram hp, String trainingClass,
                               HypergradientMethod method, int rounds, OuterRule rule, Properties reversible) {
        SolverWiring w = new SolverWiring(hp);
        Properties p = w.p;
        p.setProperty("format", "1");
        p.setProperty("training.class", trainingClass);
        List<String> names = new ArrayList<>();
        for (Global g : program.globals().values()) {
            names.add(g.name());
            w.declaration(g);
        }
        p.setProperty("globals", String.join(",", names));
        p.setProperty("train.param", hp.optimizer.param());
        p.setProperty("train.targets", String.join(",", hp.packing.targets()));
        p.setProperty("train.steps", Integer.toString(hp.optimizer.steps()));
        if (hp.optimizer.batching() != null) {
            BatchRule b = hp.optimizer.batching().rule();
            p.setProperty("train.batch.dim", b.dimension());
            p.setProperty("train.batch.data", String.join(",", b.data()));
            p.setProperty("train.batch.size", Integer.toString(b.size()));
            p.setProperty("train.batch.seed", Long.toString(b.seed()));
            p.setProperty("train.batch.epochs", Boolean.toString(b.epochs()));
        }
        p.setProperty("train.state", String.join(",", hp.optimizer.state()));
        p.setProperty("train.optimizer", program.program().all(Decl.Train.class).get(0).by().name().name());
        p.putAll(reversible);
        p.setProperty("tune.hypers", String.join(",", hp.hypers));
        p.setProperty("tune.runHypers", String.join(",", hp.runHypers));
        List<ScheduleRead> schedules = hp.optimizer.schedules();
        p.setProperty("train.schedules", Integer.toString(schedules.size()));
        for (int k = 0; k < schedules.size(); k++) {
            String key = "train.schedule." + k + ".";
            p.setProperty(key + "hyper", schedules.get(k).hyper());
            p.setProperty(key + "axis", Integer.toString(schedules.get(k).axis()));
            p.setProperty(key + "offset", Integer.toString(schedules.get(k).offset()));
            p.setProperty(key + "where", schedules.get(k).where());
        }
        p.setProperty("tune.loss", hp.outer.name());
        p.setProperty("tune.method", method.name());
        p.setProperty("tune.rounds", Integer.toString(rounds));
        p.setProperty("tune.update", rule.name());
        p.setProperty("tune.update.settings", String.join(",", rule.settings().keySet()));
        rule.settings().forEach((k, v) -> p.setProperty("tune.update." + k, Double.toString(v)));
        int n = hp.optimizer.state().size();
        w.call("init", hp.init, hp.init, 0, List.of());
        w.call("initAdjoint", hp.initAdjoint, hp.init, n, hp.cotangents(hp.init, hp.mark(hp.init, false, true)));
        w.call("step", hp.step, hp.step, 0, List.of());
        w.call("stepAdjoint", hp.stepAdjoint, hp.step, n + 1, hp.cotangents(hp.step, hp.mark(hp.step, true, true)));
        w.call("outer", hp.outer, hp.outer, 0, List.of());
        w.call("outerAdjoint", hp.outerAdjoint, hp.outer, 1, hp.cotangents(hp.outer, hp.mark(hp.outer, true, true)));
        w.call("lossGradient", hp.lossGradient, hp.loss, 2, List.of());
        w.call("lossSecondOrder", hp.lossSecondOrder, hp.loss, 0, List.of());
        List<String> order = new ArrayList<>();
        for (String name : hp.loss.paramNames()) {
            if (hp.hypers.contains(name)) order.add(Integer.toString(hp.hypers.indexOf(name)));
        }
        p.setProperty("objective.hyperOrder", String.join(",", order));
        return sorted(p);
    }

    /** As HypergradientProgram's call(): the seeds come after the original function's parameters. */
    private void call(String role, Function f, Function original, int primal, List<Arguments.Source> cotangents) {
        List<String> args = new ArrayList<>();
        int seeds = 0;
        for (int i = 0; i < f.params().size(); i++) {
            String name = f.paramNames().get(i);
            args.add(i >= original.params().size() ? "seed:" + seeds++
                    : hp.batched(f, name) ? "batched:" + name : token(hp.source(f, i, Map.of()), name));
        }
        List<String> cots = new ArrayList<>();
        for (Arguments.Source s : cotangents) cots.add(token(s, null));
        String key = "call." + role + ".";
        p.setProperty(key + "method", JavaNames.legal(f.name()));
        p.setProperty(key + "arguments", String.join(",", args));
        p.setProperty(key + "primal", Integer.toString(primal));
        p.setProperty(key + "cotangents", String.join(",", cots));
    }

    private static String token(Arguments.Source s, String name) {
        if (s instanceof Arguments.State st) return "state:" + st.k();
        if (s instanceof Arguments.Hyper h) return "hyper:" + h.k();
        if (s instanceof Arguments.Step) return "step";
        if (s instanceof Arguments.Seed seed) return "seed:" + seed.k();
        return "fixed:" + name;
    }

    private void declaration(Global g) {
        String key = "global." + g.name() + ".";
        Type t = g.type();
        p.setProperty(key + "kind", g.kind().keyword());
        p.setProperty(key + "type", t.isTensor() ? "tensor" : t.isReal() ? "real" : t.isInt() ? "int" : "bool");
        List<String> dims = t instanceof Type.Tensor tt
                ? tt.dims().stream().map(d -> d.symbolic() ? d.name() : Integer.toString(d.size())).toList() : List.of();
        p.setProperty(key + "dims", String.join(",", dims));
        Decl.Var decl = g.decl();
        if (decl.source() != null) p.setProperty(key + "from", decl.source().name());
        if (decl.format() != null) p.setProperty(key + "format", decl.format().name());
        Expr init = decl.init();
        if (init instanceof Expr.Call c && c.callee().name().equals(Checker.RANDOM_DEFAULT)) {
            p.setProperty(key + "randn", postfix(c.args().get(0).value()));
        } else if (init != null) {
            p.setProperty(key + "fill", postfix(init));
        }
    }

    /** A default as the runtime's Formula reads it: numbers, dimension names, arithmetic, exp/log/sqrt. */
    static String postfix(Expr e) {
        if (e instanceof Expr.Num n) return Double.toString(n.value());
        if (e instanceof Expr.Name n) return n.name();
        if (e instanceof Expr.Unary u && u.op() != Expr.UnaryOp.NOT) {
            return u.op() == Expr.UnaryOp.NEG ? postfix(u.operand()) + " neg" : postfix(u.operand());
        }
        if (e instanceof Expr.Binary b) {
            String op = switch (b.op()) {
                case ADD -> "+";
                case SUB -> "-";
                case MUL -> "*";
                case DIV -> "/";
                case POW -> "^";
                default -> null;
            };
            if (op != null) return postfix(b.left()) + " " + postfix(b.right()) + " " + op;
        }
        if (e instanceof Expr.Call c && c.args().size() == 1 && List.of("exp", "log", "sqrt").contains(c.callee().name())) {
            return postfix(c.args().get(0).value()) + " " + c.callee().name();
        }
        throw CompileException.at(e.span(), "default '" + e.span().text() + "' is not a constant number");
    }

    private static byte[] sorted(Properties p) {
        StringWriter out = new StringWriter();
        try {
            p.store(out, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> lines = new ArrayList<>(out.toString().lines().filter(l -> !l.startsWith("#")).toList());
        Collections.sort(lines);
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
