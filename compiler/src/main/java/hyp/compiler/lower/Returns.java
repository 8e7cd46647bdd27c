package hyp.compiler.lower;

import hyp.compiler.syntax.Block;
import hyp.compiler.syntax.Stmt;
import java.util.ArrayList;
import java.util.List;

/** Syntactic facts about statements that lowering needs: where returns are and which names get assigned. */
final class Returns {
    private Returns() {}

    /** True when the only return is the last top-level statement. */
    static boolean onlyAtEnd(List<Stmt> stmts) {
        if (stmts.isEmpty() || !(stmts.get(stmts.size() - 1) instanceof Stmt.Return)) return false;
        for (Stmt s : stmts.subList(0, stmts.size() - 1)) {
            if (mayReturn(s)) return false;
        }
        return true;
    }

    static boolean mayReturn(Stmt s) {
        if (s instanceof Stmt.Return) return true;
        if (s instanceof Stmt.If i) return mayReturn(i.then()) || (i.orElse() != null && mayReturn(i.orElse()));
        if (s instanceof Stmt.While w) return mayReturn(w.body());
        if (s instanceof Stmt.For f) return mayReturn(f.body());
        return false;
    }

    static boolean mayReturn(Block b) {
        return b.stmts().stream().anyMatch(Returns::mayReturn);
    }

    /** Every name assigned anywhere in the block, in order of first assignment. */
    static List<String> assigned(Block b) {
        List<String> out = new ArrayList<>();
        collect(b, out);
        return out;
    }

    private static void collect(Block b, List<String> out) {
        for (Stmt s : b.stmts()) {
            if (s instanceof Stmt.Assign a && !out.contains(a.target().name())) out.add(a.target().name());
            if (s instanceof Stmt.If i) {
                collect(i.then(), out);
                if (i.orElse() != null) collect(i.orElse(), out);
            }
            if (s instanceof Stmt.While w) collect(w.body(), out);
            if (s instanceof Stmt.For f) collect(f.body(), out);
        }
    }
}
