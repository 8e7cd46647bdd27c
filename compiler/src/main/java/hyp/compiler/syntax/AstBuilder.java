package hyp.compiler.syntax;

import hyp.compiler.diag.Diagnostics;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.diag.Span;
import hyp.grammar.HypParser;
import hyp.grammar.HypParser.*;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Parse tree to syntax records. Structural problems the grammar lets through are reported here. */
final class AstBuilder {
    private final SourceFile source;
    private final Diagnostics diagnostics;
    /** The file's lines, split once: spans of rules that cross lines need their first line's length. */
    private final List<String> lines;

    AstBuilder(SourceFile source, Diagnostics diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
        this.lines = source.lines();
    }

    Program program(ProgramContext ctx) {
        List<Decl> decls = new ArrayList<>();
        for (DeclContext d : ctx.decl()) decls.add(decl(d));
        return new Program(source, decls);
    }

    private Decl decl(DeclContext ctx) {
        if (ctx.defDecl() != null) return def(ctx.defDecl());
        if (ctx.varDecl() != null) return var(ctx.varDecl());
        if (ctx.optimizerDecl() != null) return optimizer(ctx.optimizerDecl());
        if (ctx.trainDecl() != null) return train(ctx.trainDecl());
        return tune(ctx.tuneDecl());
    }

    private Decl.Def def(DefDeclContext ctx) {
        List<Decl.Param> params = new ArrayList<>();
        for (ParamContext p : ctx.param()) {
            params.add(new Decl.Param(ident(p.name), p.type() == null ? null : type(p.type()), span(p)));
        }
        TypeRef ret = ctx.ret == null ? null : type(ctx.ret);
        Expr body = ctx.body == null ? null : expr(ctx.body);
        Block block = ctx.block() == null ? null : block(ctx.block());
        return new Decl.Def(ident(ctx.name), params, ret, body, block, span(ctx));
    }

    private Decl.Var var(VarDeclContext ctx) {
        Decl.VarKind kind = Decl.VarKind.valueOf(ctx.kind.getText().toUpperCase());
        Expr init = ctx.init == null ? null : expr(ctx.init);
        Ident source = null;
        if (ctx.source != null) {
            String text = ctx.source.getText();
            source = new Ident(text.substring(1, text.length() - 1), span(ctx.source));
            if (kind != Decl.VarKind.DATA) diagnostics.error(source.span(), "only data is read from files");
            if (source.name().isBlank()) diagnostics.error(source.span(), "empty file name");
        }
        TypeRef type = type(ctx.type());
        Ident format = ctx.format == null ? null : ident(ctx.format);
        if (format != null) {
            if (!format.name().equals(hyp.runtime.data.DataFile.ONE_HOT)) {
                diagnostics.error(format.span(), "unknown data format '" + format.name() + "'; expected onehot");
            } else if (type.dims().size() != 2 || type.dims().get(1).symbolic()) {
                diagnostics.error(format.span(), "'as onehot' needs a declaration real[n, K] with K, the number of classes,"
                        + " written as a number");
            }
        }
        return new Decl.Var(kind, ident(ctx.name), type, init, source, format, span(ctx));
    }

    private TypeRef type(TypeContext ctx) {
        TypeRef.Base base = TypeRef.Base.valueOf(ctx.base.getText().toUpperCase());
        List<TypeRef.DimRef> dims = new ArrayList<>();
        for (DimContext d : ctx.dim()) {
            if (d.ID() != null) {
                dims.add(new TypeRef.DimRef(d.getText(), -1, span(d)));
            } else {
                dims.add(new TypeRef.DimRef(null, intLiteral(d.INT().getSymbol()), span(d)));
            }
        }
        return new TypeRef(base, dims, span(ctx));
    }

    private Decl.Optimizer optimizer(OptimizerDeclContext ctx) {
        Block init = null;
        Block step = null;
        Expr until = null;
        for (OptSectionContext s : ctx.optSection()) {
            if (s instanceof InitSectionContext i) {
                if (init != null) diagnostics.error(span(s), "optimizer '" + ctx.name.getText() + "' has a second init section");
                init = block(i.block());
            } else if (s instanceof StepSectionContext st) {
                if (step != null) diagnostics.error(span(s), "optimizer '" + ctx.name.getText() + "' has a second step section");
                step = block(st.block());
            } else if (s instanceof UntilSectionContext u) {
                if (until != null) diagnostics.error(span(s), "optimizer '" + ctx.name.getText() + "' has a second until rule");
                until = expr(u.expr());
            }
        }
        if (step == null) diagnostics.error(span(ctx.name), "optimizer '" + ctx.name.getText() + "' has no step section");
        return new Decl.Optimizer(ident(ctx.name), settings(ctx.setting()), init, step, until, span(ctx));
    }

    private List<Decl.Setting> settings(List<SettingContext> ctxs) {
        List<Decl.Setting> out = new ArrayList<>();
        for (SettingContext s : ctxs) out.add(new Decl.Setting(ident(s.name), expr(s.expr()), span(s)));
        return out;
    }

    private Decl.Train train(TrainDeclContext ctx) {
        return new Decl.Train(targets(ctx.targets()), ctx.start == null ? null : expr(ctx.start), ident(ctx.loss),
                use(ctx.optimizerUse()), ctx.steps == null ? null : expr(ctx.steps),
                ctx.unit != null && ctx.unit.getText().equals("epochs"),
                ctx.batchClause() == null ? null : batch(ctx.batchClause()), span(ctx));
    }

    private Decl.Batch batch(BatchClauseContext ctx) {
        return new Decl.Batch(expr(ctx.size), ctx.seed == null ? null : expr(ctx.seed), span(ctx));
    }

    private Decl.Tune tune(TuneDeclContext ctx) {
        return new Decl.Tune(targets(ctx.targets()), ident(ctx.loss), use(ctx.optimizerUse()),
                ctx.rounds == null ? null : expr(ctx.rounds), ctx.method == null ? null : ident(ctx.method), span(ctx));
    }

    private List<Ident> targets(TargetsContext ctx) {
        return ctx.ID().stream().map(t -> ident(t.getSymbol())).toList();
    }

    private Decl.OptimizerUse use(OptimizerUseContext ctx) {
        return new Decl.OptimizerUse(ident(ctx.name), settings(ctx.setting()), span(ctx));
    }

    private Block block(BlockContext ctx) {
        List<Stmt> stmts = new ArrayList<>();
        for (StmtContext s : ctx.stmt()) stmts.add(stmt(s));
        return new Block(stmts, span(ctx));
    }

    private Stmt stmt(StmtContext ctx) {
        if (ctx instanceof AssignStmtContext a) {
            Expr.BinaryOp op = switch (a.op.getText()) {
                case "+=" -> Expr.BinaryOp.ADD;
                case "-=" -> Expr.BinaryOp.SUB;
                case "*=" -> Expr.BinaryOp.MUL;
                case "/=" -> Expr.BinaryOp.DIV;
                default -> null;
            };
            Ident target = ident(a.target);
            Expr value = expr(a.expr());
            if (op != null) value = new Expr.Binary(op, new Expr.Name(target.name(), target.span()), value, span(a));
            return new Stmt.Assign(target, value, span(a));
        }
        if (ctx instanceof IfStmtContext i) {
            Block orElse = null;
            if (i.elseBlock != null) {
                orElse = block(i.elseBlock);
            } else if (i.ifTail != null) {
                if (!(i.ifTail instanceof IfStmtContext)) {
                    diagnostics.error(span(i.ifTail), "expected 'if' or '{' after 'else'");
                }
                Stmt tail = stmt(i.ifTail);
                orElse = new Block(List.of(tail), tail.span());
            }
            return new Stmt.If(expr(i.cond), block(i.then), orElse, span(i));
        }
        if (ctx instanceof WhileStmtContext w) return new Stmt.While(expr(w.expr()), block(w.block()), span(w));
        if (ctx instanceof ForStmtContext f) {
            return new Stmt.For(ident(f.var), expr(f.from), expr(f.to), block(f.block()), span(f));
        }
        ReturnStmtContext r = (ReturnStmtContext) ctx;
        return new Stmt.Return(expr(r.expr()), span(r));
    }

    private Expr expr(ExprContext ctx) {
        Span span = span(ctx);
        if (ctx instanceof NumberExprContext n) return number(n.value, span);
        if (ctx instanceof BoolExprContext b) return new Expr.Bool(b.value.getText().equals("true"), span);
        if (ctx instanceof NameExprContext n) return new Expr.Name(n.name.getText(), span);
        if (ctx instanceof ParenExprContext p) return expr(p.expr());
        if (ctx instanceof UnaryExprContext u) {
            Expr.UnaryOp op = u.op.getText().equals("-") ? Expr.UnaryOp.NEG : Expr.UnaryOp.PLUS;
            return new Expr.Unary(op, expr(u.operand), span);
        }
        if (ctx instanceof NotExprContext n) return new Expr.Unary(Expr.UnaryOp.NOT, expr(n.operand), span);
        if (ctx instanceof PowerExprContext p) return binary(p.op, p.left, p.right, span);
        if (ctx instanceof MulExprContext m) return binary(m.op, m.left, m.right, span);
        if (ctx instanceof AddExprContext a) return binary(a.op, a.left, a.right, span);
        if (ctx instanceof CompareExprContext c) return binary(c.op, c.left, c.right, span);
        if (ctx instanceof AndExprContext a) return binary(a.op, a.left, a.right, span);
        if (ctx instanceof OrExprContext o) return binary(o.op, o.left, o.right, span);
        if (ctx instanceof CallExprContext c) {
            List<Expr.Arg> args = new ArrayList<>();
            for (ArgContext a : c.arg()) {
                args.add(new Expr.Arg(a.name == null ? null : ident(a.name), expr(a.expr()), span(a)));
            }
            return new Expr.Call(ident(c.callee), args, span);
        }
        if (ctx instanceof IndexExprContext ix) {
            List<Expr.IndexArg> indices = new ArrayList<>();
            for (IndexContext i : ix.index()) {
                if (i instanceof PointIndexContext p) {
                    indices.add(new Expr.Point(expr(p.expr()), span(p)));
                } else {
                    SliceIndexContext s = (SliceIndexContext) i;
                    indices.add(new Expr.Slice(s.from == null ? null : expr(s.from), s.to == null ? null : expr(s.to), span(s)));
                }
            }
            return new Expr.Index(expr(ix.target), indices, span);
        }
        TensorExprContext t = (TensorExprContext) ctx;
        return new Expr.TensorLit(t.expr().stream().map(this::expr).toList(), span);
    }

    private Expr binary(Token op, ExprContext left, ExprContext right, Span span) {
        Expr.BinaryOp kind = null;
        for (Expr.BinaryOp b : Expr.BinaryOp.values()) {
            if (b.symbol.equals(op.getText())) kind = b;
        }
        // The operator's own span makes the caret point at it rather than at the whole expression.
        return new Expr.Binary(kind, expr(left), expr(right), span);
    }

    private Expr number(Token token, Span span) {
        String text = token.getText();
        if (token.getType() == HypParser.INT) {
            return new Expr.Num(intLiteral(token), true, span);
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) diagnostics.error(span, "number '" + text + "' is too large for a real");
        return new Expr.Num(value, false, span);
    }

    private int intLiteral(Token token) {
        try {
            return Integer.parseInt(token.getText());
        } catch (NumberFormatException e) {
            diagnostics.error(span(token), "integer '" + token.getText() + "' is too large (at most " + Integer.MAX_VALUE + ")");
            return 0;
        }
    }

    private Ident ident(Token token) {
        return new Ident(token.getText(), span(token));
    }

    private Span span(Token token) {
        int length = token.getText() == null ? 1 : token.getText().length();
        return Span.of(source, token.getLine(), token.getCharPositionInLine() + 1, length);
    }

    /** A rule's span runs to the end of its last token when that is on the first line, else to the line's end. */
    private Span span(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop() == null ? start : ctx.getStop();
        int length;
        if (stop.getLine() == start.getLine() && stop.getStopIndex() >= start.getStartIndex()) {
            length = stop.getStopIndex() - start.getStartIndex() + 1;
        } else {
            String first = start.getLine() <= lines.size() ? lines.get(start.getLine() - 1) : "";
            length = first.length() - start.getCharPositionInLine();
        }
        return Span.of(source, start.getLine(), start.getCharPositionInLine() + 1, length);
    }
}
