package hyp.compiler.backend.bytecode;

import hyp.compiler.ir.Var;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * JVM local slots of one method: every Var gets its own slot (two for a double) the first time it is stored, so
 * no two values ever share a slot and frame computation never sees a slot change type.
 */
final class Locals {
    /** The JVM's limit on max_locals, an unsigned 16-bit count. */
    static final int MAX_SLOTS = 0xFFFF;

    private final MethodVisitor mv;
    private final String function;
    private final Map<Var, Integer> slots = new HashMap<>();
    private int next;

    Locals(MethodVisitor mv, String function, List<Var> params) {
        this.mv = mv;
        this.function = function;
        for (Var p : params) allocate(p);
    }

    void load(Var v) {
        Integer slot = slots.get(v);
        if (slot == null) throw new IllegalStateException("function " + function + " reads " + v + " before it is defined");
        mv.visitVarInsn(JvmTypes.of(v).getOpcode(Opcodes.ILOAD), slot);
    }

    /** Pops the top of the operand stack into v's slot. */
    void store(Var v) {
        Integer slot = slots.get(v);
        if (slot == null) slot = allocate(v);
        mv.visitVarInsn(JvmTypes.of(v).getOpcode(Opcodes.ISTORE), slot);
    }

    /** A slot for a value that is no Var (a loop counter). */
    int fresh(Type type) {
        int slot = next;
        next += type.getSize();
        return slot;
    }

    /** The slots used so far (the method's max_locals). */
    int size() {
        return next;
    }

    private int allocate(Var v) {
        if (slots.containsKey(v)) throw new IllegalStateException("function " + function + " has two parameters " + v);
        int slot = fresh(JvmTypes.of(v));
        slots.put(v, slot);
        return slot;
    }
}
