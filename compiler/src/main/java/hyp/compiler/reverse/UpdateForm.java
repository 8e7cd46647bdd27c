package hyp.compiler.reverse;

import hyp.compiler.syntax.Expr;
import hyp.compiler.syntax.Stmt;
import hyp.runtime.exact.InformationBuffer;
import hyp.runtime.exact.Rational;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A state assignment read as {@code x = γ·x + Σ ±f_i}: its right-hand side split into signed terms, those of
 * the form {@code c*x}, {@code x*c}, {@code x/c} or {@code x} (c an exact constant) summed into γ, the rest
 * kept as the increment.
 *
 * @param gamma     γ, exact and positive
 * @param increment the other terms with their signs; may read x (then the update is implicit, if allowed)
 */
record UpdateForm(Rational gamma, List<Term> increment) {
    /** One signed term of a sum. */
    record Term(Expr expr, int sign) {}

    /** Reads {@code stmt}, which assigns state variable x; throws a located error if it is not of the form. */
    static UpdateForm of(Stmt.Assign stmt, ExactConstant constants, NotInvertible error) {
        String x = stmt.target().name();
        List<Term> terms = new ArrayList<>();
        split(stmt.value(), 1, terms);
        BigInteger num = BigInteger.ZERO, den = BigInteger.ONE;
        List<Term> rest = new ArrayList<>();
        for (Term term : terms) {
            Expr coefficient = null;
            boolean divides = false;
            Expr e = term.expr();
            if (isName(e, x)) {
                num = num.add(den.multiply(BigInteger.valueOf(term.sign())));
                continue;
            }
            if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.MUL) {
                if (isName(b.right(), x) && !NameUse.reads(b.left()).contains(x)) coefficient = b.left();
                else if (isName(b.left(), x) && !NameUse.reads(b.right()).contains(x)) coefficient = b.right();
            } else if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.DIV && isName(b.left(), x)
                    && !NameUse.reads(b.right()).contains(x)) {
                coefficient = b.right();
                divides = true;
            }
            if (coefficient == null) {
                rest.add(term);
                continue;
            }
            ExactConstant.Result c = constants.evaluate(coefficient);
            if (c.value() == null) {
                throw error.at(c.failure().where().span(), "in " + NotInvertible.quote(stmt.span()) + " the factor of '" + x
                        + "' must be a constant for the update to be undone exactly: " + c.failure().why());
            }
            Rational r = divides ? reciprocal(c.value(), coefficient, error) : c.value();
            BigInteger rn = BigInteger.valueOf(r.numerator() * term.sign()), rd = BigInteger.valueOf(r.denominator());
            num = num.multiply(rd).add(rn.multiply(den));
            den = den.multiply(rd);
        }
        boolean keepsX = terms.size() > rest.size();
        if (!keepsX) {
            throw error.at(stmt.span(), NotInvertible.quote(stmt.span()) + " does not keep the old value of '" + x
                    + "' (it is not of the form " + x + " = γ*" + x + " + f): the value is overwritten, as by a "
                    + "history shift or a reset, and the inverse has no way to recover it");
        }
        BigInteger g = num.gcd(den);
        if (g.signum() != 0) {
            num = num.divide(g);
            den = den.divide(g);
        }
        if (num.signum() <= 0) {
            throw error.at(stmt.span(), "in " + NotInvertible.quote(stmt.span()) + " the factor of '" + x + "' is "
                    + (num.signum() == 0 ? "0, so the old value is lost" : num + "/" + den + "; only a positive factor is supported"));
        }
        BigInteger limit = BigInteger.valueOf(InformationBuffer.MAX_RADIX);
        if (num.compareTo(limit) > 0 || den.compareTo(limit) > 0) {
            throw error.at(stmt.span(), "in " + NotInvertible.quote(stmt.span()) + " the factor of '" + x + "' is "
                    + num + "/" + den + ": the information buffer needs numerator and denominator at most 2^31");
        }
        return new UpdateForm(Rational.of(num.longValueExact(), den.longValueExact()), List.copyOf(rest));
    }

    private static Rational reciprocal(Rational r, Expr at, NotInvertible error) {
        if (r.numerator() == 0) throw error.at(at.span(), "division of the state by zero");
        return r.reciprocal();
    }

    /** Splits sums and differences (and unary signs) into signed terms. */
    private static void split(Expr e, int sign, List<Term> out) {
        if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.ADD) {
            split(b.left(), sign, out);
            split(b.right(), sign, out);
        } else if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.SUB) {
            split(b.left(), sign, out);
            split(b.right(), -sign, out);
        } else if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NEG) {
            split(u.operand(), -sign, out);
        } else if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.PLUS) {
            split(u.operand(), sign, out);
        } else {
            out.add(new Term(e, sign));
        }
    }

    private static boolean isName(Expr e, String x) {
        return e instanceof Expr.Name n && n.name().equals(x);
    }
}
