package hyp.compiler.backend.java;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.comments.LineComment;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.utils.StringEscapeUtils;
import hyp.compiler.backend.bytecode.JavaNames;
import hyp.compiler.diag.Span;
import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Emission;
import hyp.compiler.prim.Primitive;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One IR {@link Function} as a {@code public static} Java method. Every value gets its own local (named by
 * {@link Var#javaName()}; parameters keep their .hyp names) except scalar constants, which are written as literals
 * where used; {@code if} outputs are declared before the
 * statement and assigned in both branches; loop outputs double as the carried state: {@code while (true) { cond;
 * if (!c) break; body; outs = results; }} and {@code for (int i = from; i < to; i++) { ... }}.
 */
final class MethodWriter {
    private final ClassRefs refs;
    private final FusedSource fused;
    private final Map<Var, String> paramNames = new HashMap<>();
    private final Map<Var, Expression> constants = new HashMap<>();
    private String function;
    private int whileLoops;

    MethodWriter(ClassRefs refs, FusedSource fused) {
        this.refs = refs;
        this.fused = fused;
    }

    MethodDeclaration write(Function f, List<String> names) {
        MethodDeclaration m = new MethodDeclaration(new NodeList<>(Modifier.publicModifier(), Modifier.staticModifier()),
                returnType(f), JavaNames.legal(f.name()));
        List<Var> params = f.params();
        for (int i = 0; i < params.size(); i++) {
            paramNames.put(params.get(i), names.get(i));
            m.addParameter(new Parameter(type(params.get(i)), names.get(i)));
        }
        function = f.name();
        BlockStmt body = new BlockStmt();
        block(f.body(), body);
        List<Var> results = f.body().results();
        Expression value = results.size() == 1 ? name(results.get(0))
                : array(refs.type("java.lang.Object"), results);
        body.addStatement(new ReturnStmt(value));
        m.setBody(blamingArguments(f, names, body));
        return m;
    }

    /**
     * The body inside a handler that names the tensor argument at fault when a shape error leaves it, as the
     * bytecode back end's handler does; the body itself when the function takes no tensor.
     */
    private BlockStmt blamingArguments(Function f, List<String> names, BlockStmt body) {
        List<Integer> tensors = f.tensorParams();
        if (tensors.isEmpty()) return body;
        String error = refs.name("hyp.runtime.ops.ShapeMismatchException"), string = refs.name("java.lang.String");
        String handler = "{ throw " + refs.name("hyp.runtime.ops.ArgumentShapes") + ".explain(e$, " + quoted(f.name())
                + ", new " + string + "[] {" + String.join(", ", tensors.stream().map(p -> quoted(f.paramNames().get(p))).toList())
                + "}, new " + string + "[] {" + String.join(", ", tensors.stream().map(p -> quoted(f.params().get(p).type().toString())).toList())
                + "}, new " + refs.name("hyp.runtime.Tensor") + "[] {" + String.join(", ", tensors.stream().map(names::get).toList())
                + "}); }";
        CatchClause c = new CatchClause(new Parameter(StaticJavaParser.parseClassOrInterfaceType(error), "e$"),
                StaticJavaParser.parseBlock(handler));
        return new BlockStmt(new NodeList<>(new TryStmt(body, new NodeList<>(c), null)));
    }

    private static String quoted(String text) {
        return "\"" + StringEscapeUtils.escapeJava(text) + "\"";
    }

    private Type returnType(Function f) {
        List<Var> results = f.body().results();
        return results.size() == 1 ? type(results.get(0)) : new ArrayType(refs.type("java.lang.Object"));
    }

    private void block(Block b, BlockStmt out) {
        for (Node n : b.nodes()) node(n, out);
    }

    private void node(Node n, BlockStmt out) {
        if (n instanceof Node.Op op) {
            declare(op.out(), op(op), out);
        } else if (n instanceof Node.Const c) {
            Expression literal = Literals.of(c.value(), c.out().type(), refs);
            // Scalar literals are written where they are used; a null tensor keeps a typed local, so that no
            // bare null ever meets an overloaded runtime method.
            if (c.value() != null) constants.put(c.out(), literal);
            else declare(c.out(), literal, out);
        } else if (n instanceof Node.If i) {
            for (Var v : i.outs()) declare(v, null, out);
            IfStmt s = new IfStmt(name(i.cond()), branch(i.then(), i.outs()), null);
            if (!i.orElse().nodes().isEmpty() || !i.outs().isEmpty()) s.setElseStmt(branch(i.orElse(), i.outs()));
            out.addStatement(located(s, i.span()));
        } else if (n instanceof Node.While w) {
            whileLoop(w, out);
        } else if (n instanceof Node.For f) {
            forLoop(f, out);
        } else {
            throw new IllegalStateException("unknown node " + n);
        }
    }

    private BlockStmt branch(Block b, List<Var> outs) {
        BlockStmt s = new BlockStmt();
        block(b, s);
        assign(outs, b.results(), s);
        return s;
    }

    private void whileLoop(Node.While w, BlockStmt out) {
        declareAll(w.outs(), w.init(), out);
        BlockStmt loop = new BlockStmt();
        declareAll(w.cond().params(), w.outs(), loop);
        block(w.cond(), loop);
        Expression stop = new UnaryExpr(name(w.cond().results().get(0)), UnaryExpr.Operator.LOGICAL_COMPLEMENT);
        loop.addStatement(new IfStmt(stop, new BlockStmt(new NodeList<>(new BreakStmt())), null));
        // Trips so far, checked against the runtime's limit each trip, as in the bytecode back end: a condition that
        // never turns false ends with the loop's location instead of hanging.
        String trips = "trips$" + whileLoops++;
        out.addStatement(new ExpressionStmt(new VariableDeclarationExpr(
                new VariableDeclarator(PrimitiveType.longType(), trips, new LongLiteralExpr("0L")))));
        String where = w.span() == null ? "function " + function : w.span().location();
        loop.addStatement(new ExpressionStmt(new MethodCallExpr(refs.expr("hyp.runtime.ops.LoopTrips"), "check",
                new NodeList<>(new UnaryExpr(new NameExpr(trips), UnaryExpr.Operator.PREFIX_INCREMENT),
                        new StringLiteralExpr(StringEscapeUtils.escapeJava(where))))));
        declareAll(w.body().params(), w.outs(), loop);
        block(w.body(), loop);
        assign(w.outs(), w.body().results(), loop);
        out.addStatement(located(new WhileStmt(new BooleanLiteralExpr(true), loop), w.span()));
    }

    private void forLoop(Node.For f, BlockStmt out) {
        declareAll(f.outs(), f.init(), out);
        List<Var> params = f.body().params();
        Var index = params.get(0);
        BlockStmt loop = new BlockStmt();
        declareAll(params.subList(1, params.size()), f.outs(), loop);
        block(f.body(), loop);
        assign(f.outs(), f.body().results(), loop);
        VariableDeclarationExpr init = new VariableDeclarationExpr(
                new VariableDeclarator(PrimitiveType.intType(), index.javaName(), name(f.from())));
        Expression test = new BinaryExpr(name(index), name(f.to()), BinaryExpr.Operator.LESS);
        Expression step = new UnaryExpr(name(index), UnaryExpr.Operator.POSTFIX_INCREMENT);
        out.addStatement(located(new ForStmt(new NodeList<>(init), test, new NodeList<>(step), loop), f.span()));
    }

    private Expression op(Node.Op op) {
        List<hyp.compiler.types.Type> types = op.args().stream().map(Var::type).toList();
        Emission e = Primitive.of(op).emission(types, op.attr());
        if (e instanceof Emission.Infix i) {
            return new BinaryExpr(name(op.arg(0)), name(op.arg(1)), Operators.infix(i.symbol()));
        }
        if (e instanceof Emission.Compare c) {
            return new BinaryExpr(name(op.arg(0)), name(op.arg(1)), Operators.compare(c.symbol()));
        }
        if (e instanceof Emission.Prefix p) {
            // Parentheses keep "-" before a negative literal from printing as "--".
            Expression arg = name(op.arg(0));
            return new UnaryExpr(arg instanceof UnaryExpr ? new EnclosedExpr(arg) : arg, Operators.prefix(p.symbol()));
        }
        if (e instanceof Emission.IntToReal) return new CastExpr(PrimitiveType.doubleType(), name(op.arg(0)));
        if (e instanceof Emission.Call c) {
            NodeList<Expression> args = new NodeList<>();
            for (Var v : op.args()) args.add(name(v));
            for (int k : c.constants()) args.add(Literals.of(k, hyp.compiler.types.Type.INT, refs));
            return new MethodCallExpr(refs.expr(c.owner()), c.method(), args);
        }
        if (e instanceof Emission.ElementLoop loop) {
            NodeList<Expression> args = new NodeList<>();
            for (Var v : op.args()) args.add(name(v));
            return new MethodCallExpr(null, fused.method(loop.body(), types), args);
        }
        if (e instanceof Emission.RowBlockLoop loop) {
            NodeList<Expression> args = new NodeList<>();
            for (Var v : op.args()) args.add(name(v));
            return new MethodCallExpr(null, fused.rowPassMethod(loop.pass(), types), args);
        }
        Emission.CallWithArray c = (Emission.CallWithArray) e;
        Type element = types.get(0).isReal() ? PrimitiveType.doubleType() : JavaTypes.of(types.get(0), refs);
        return new MethodCallExpr(refs.expr(c.owner()), c.method(), new NodeList<>(array(element, op.args())));
    }

    /** {@code new T[] {v1, v2, ...}}; primitives are boxed by Java when T is Object. */
    private Expression array(Type element, List<Var> values) {
        NodeList<Expression> items = new NodeList<>();
        for (Var v : values) items.add(name(v));
        return new ArrayCreationExpr(element, NodeList.nodeList(new com.github.javaparser.ast.ArrayCreationLevel()),
                new ArrayInitializerExpr(items));
    }

    private void declare(Var v, Expression init, BlockStmt out) {
        out.addStatement(new ExpressionStmt(new VariableDeclarationExpr(new VariableDeclarator(type(v), javaName(v), init))));
    }

    private void declareAll(List<Var> vars, List<Var> values, BlockStmt out) {
        for (int i = 0; i < vars.size(); i++) declare(vars.get(i), name(values.get(i)), out);
    }

    /** targets := values; safe one by one because a region never reads the outputs of the node it belongs to. */
    private void assign(List<Var> targets, List<Var> values, BlockStmt out) {
        for (int i = 0; i < targets.size(); i++) {
            out.addStatement(new ExpressionStmt(new AssignExpr(new NameExpr(javaName(targets.get(i))), name(values.get(i)),
                    AssignExpr.Operator.ASSIGN)));
        }
    }

    private static Statement located(Statement s, Span span) {
        if (span != null) s.setComment(new LineComment(" " + Literals.location(span)));
        return s;
    }

    private Type type(Var v) {
        return JavaTypes.of(v.type(), refs);
    }

    private String javaName(Var v) {
        String p = paramNames.get(v);
        return p != null ? p : v.javaName();
    }

    /** How code reads v: its local, or the literal of a scalar constant (a fresh copy: tree nodes have one parent). */
    private Expression name(Var v) {
        Expression literal = constants.get(v);
        return literal != null ? literal.clone() : new NameExpr(javaName(v));
    }
}
