package hyp.compiler.backend.bytecode;

import static org.objectweb.asm.Opcodes.*;

import hyp.compiler.diag.Span;
import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.Type;
import java.util.List;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * One {@link Function} as one {@code public static} method. Structured regions become jumps: an If is a
 * conditional branch, a While or For a loop whose carried values live in the slots of the node's outs.
 */
final class FunctionEmitter {
    private final MethodVisitor mv;
    private final Locals locals;
    private final OpEmitter ops;
    private final String name;
    private int line = -1;

    private FunctionEmitter(MethodVisitor mv, Function f, FusedMethods fused) {
        this.mv = mv;
        this.name = f.name();
        this.locals = new Locals(mv, f.name(), f.params());
        this.ops = new OpEmitter(mv, locals, fused);
    }

    /**
     * Emits {@code f} as a method called {@code methodName}, asking {@code fused} for the loops of its fused ops;
     * returns the local slots it uses.
     */
    static int emit(ClassVisitor cv, Function f, String methodName, FusedMethods fused) {
        if (f.paramNames().size() != f.params().size()) {
            throw new IllegalStateException("function " + f.name() + " has " + f.params().size() + " parameters but "
                    + f.paramNames().size() + " parameter names");
        }
        MethodVisitor mv = cv.visitMethod(ACC_PUBLIC | ACC_STATIC, methodName, JvmTypes.descriptor(f), null, null);
        // The .hyp names, so reflection (and the command line of a generated jar) can bind arguments by name.
        for (String p : f.paramNames()) mv.visitParameter(p, 0);
        mv.visitCode();
        FunctionEmitter e = new FunctionEmitter(mv, f, fused);
        ArgumentBlame blame = ArgumentBlame.open(mv, f);
        e.nodes(f.body().nodes());
        e.returnResults(f.body().results());
        if (blame != null) blame.close(mv, e.locals);
        mv.visitMaxs(0, 0); // computed by the ClassWriter
        mv.visitEnd();
        return e.locals.size();
    }

    private void nodes(List<Node> nodes) {
        for (Node n : nodes) {
            lineOf(n.span());
            if (n instanceof Node.Op op) ops.op(op);
            else if (n instanceof Node.Const c) ops.constant(c);
            else if (n instanceof Node.If i) branch(i);
            else if (n instanceof Node.While w) whileLoop(w);
            else if (n instanceof Node.For f) forLoop(f);
            else throw new IllegalStateException("unknown node " + n);
        }
    }

    /** Stack traces of generated code name the .hyp line. */
    private void lineOf(Span span) {
        if (span == null || span.line() == line) return;
        line = span.line();
        Label here = new Label();
        mv.visitLabel(here);
        mv.visitLineNumber(line, here);
    }

    private void branch(Node.If node) {
        if (!node.then().params().isEmpty() || !node.orElse().params().isEmpty()) {
            throw new IllegalStateException("function " + name + ": the blocks of an if take no parameters");
        }
        Label orElse = new Label(), end = new Label();
        locals.load(node.cond());
        mv.visitJumpInsn(IFEQ, orElse);
        block(node.then(), node.outs());
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(orElse);
        block(node.orElse(), node.outs());
        mv.visitLabel(end);
    }

    /** The carried values live in the slots of {@code outs}; each trip rebinds the blocks' parameters from them. */
    private void whileLoop(Node.While node) {
        Block cond = node.cond(), body = node.body();
        if (cond.results().size() != 1 || !cond.results().get(0).type().isBool()) {
            throw new IllegalStateException("function " + name + ": a while condition must yield one bool");
        }
        assign(node.init(), node.outs());
        // Trips so far, checked against the runtime's limit each trip, so a condition that never turns false
        // ends with the loop's location instead of hanging.
        int trips = locals.fresh(org.objectweb.asm.Type.LONG_TYPE);
        mv.visitInsn(LCONST_0);
        mv.visitVarInsn(LSTORE, trips);
        Label head = new Label(), exit = new Label();
        mv.visitLabel(head);
        assign(node.outs(), cond.params());
        nodes(cond.nodes());
        locals.load(cond.results().get(0));
        mv.visitJumpInsn(IFEQ, exit);
        mv.visitVarInsn(LLOAD, trips);
        mv.visitInsn(LCONST_1);
        mv.visitInsn(LADD);
        mv.visitInsn(DUP2);
        mv.visitVarInsn(LSTORE, trips);
        mv.visitLdcInsn(node.span() == null ? "function " + name : node.span().location());
        mv.visitMethodInsn(INVOKESTATIC, "hyp/runtime/ops/LoopTrips", "check", "(JLjava/lang/String;)V", false);
        assign(node.outs(), body.params());
        block(body, node.outs());
        mv.visitJumpInsn(GOTO, head);
        mv.visitLabel(exit);
    }

    /** {@code for i = from; i < to; i++}, with i in a slot of its own; {@code to} is a Var, read but never written. */
    private void forLoop(Node.For node) {
        Block body = node.body();
        if (body.params().isEmpty() || !body.params().get(0).type().isInt()
                || !node.from().type().isInt() || !node.to().type().isInt()) {
            throw new IllegalStateException("function " + name + ": a for loop counts with ints");
        }
        int counter = locals.fresh(org.objectweb.asm.Type.INT_TYPE);
        locals.load(node.from());
        mv.visitVarInsn(ISTORE, counter);
        assign(node.init(), node.outs());
        Label head = new Label(), exit = new Label();
        mv.visitLabel(head);
        mv.visitVarInsn(ILOAD, counter);
        locals.load(node.to());
        mv.visitJumpInsn(IF_ICMPGE, exit);
        mv.visitVarInsn(ILOAD, counter);
        locals.store(body.params().get(0));
        assign(node.outs(), body.params().subList(1, body.params().size()));
        block(body, node.outs());
        mv.visitIincInsn(counter, 1);
        mv.visitJumpInsn(GOTO, head);
        mv.visitLabel(exit);
    }

    /** Runs a block's nodes and moves its results into {@code outs}. */
    private void block(Block b, List<Var> outs) {
        nodes(b.nodes());
        assign(b.results(), outs);
    }

    /**
     * {@code to := from} as a parallel assignment: every source is pushed before any target is written, so a
     * target that is also a source (x, y = y, x) still reads its old value.
     */
    private void assign(List<Var> from, List<Var> to) {
        if (from.size() != to.size()) {
            throw new IllegalStateException("function " + name + ": " + from.size() + " values for " + to.size() + " places");
        }
        for (int i = 0; i < from.size(); i++) {
            Type a = from.get(i).type(), b = to.get(i).type();
            if (!JvmTypes.of(a).equals(JvmTypes.of(b))) {
                throw new IllegalStateException("function " + name + ": " + from.get(i) + " of type " + a
                        + " flows into " + to.get(i) + " of type " + b);
            }
            locals.load(from.get(i));
        }
        for (int i = to.size() - 1; i >= 0; i--) locals.store(to.get(i));
    }

    private void returnResults(List<Var> results) {
        if (results.isEmpty()) {
            mv.visitInsn(RETURN);
        } else if (results.size() == 1) {
            locals.load(results.get(0));
            mv.visitInsn(JvmTypes.of(results.get(0)).getOpcode(IRETURN));
        } else {
            OpEmitter.pushInt(mv, results.size());
            mv.visitTypeInsn(ANEWARRAY, JvmTypes.OBJECT.getInternalName());
            for (int i = 0; i < results.size(); i++) {
                mv.visitInsn(DUP);
                OpEmitter.pushInt(mv, i);
                locals.load(results.get(i));
                box(JvmTypes.of(results.get(i)));
                mv.visitInsn(AASTORE);
            }
            mv.visitInsn(ARETURN);
        }
    }

    private void box(org.objectweb.asm.Type t) {
        String owner = switch (t.getSort()) {
            case org.objectweb.asm.Type.DOUBLE -> "java/lang/Double";
            case org.objectweb.asm.Type.INT -> "java/lang/Integer";
            case org.objectweb.asm.Type.BOOLEAN -> "java/lang/Boolean";
            default -> null;
        };
        if (owner == null) return;
        mv.visitMethodInsn(INVOKESTATIC, owner, "valueOf", "(" + t.getDescriptor() + ")L" + owner + ";", false);
    }
}
