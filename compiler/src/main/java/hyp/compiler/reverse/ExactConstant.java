package hyp.compiler.reverse;

import hyp.compiler.check.Typing;
import hyp.compiler.syntax.Expr;
import hyp.compiler.types.Type;
import hyp.runtime.exact.Rational;
import java.math.BigInteger;
import java.util.Map;

/**
 * Evaluates a constant expression exactly, as the fraction its decimals write: {@code 1 - b1} with
 * {@code b1 = 0.9} is 1/10, not 1 minus the double nearest 0.9. Literals, optimizer settings (whose values are
 * themselves evaluated in the file's scope, where no name is a constant), + − × ÷ and integer powers.
 */
final class ExactConstant {
    /** Why an expression is not an exact constant: the sub-expression at fault and a reason. */
    record NotConstant(Expr where, String why) {}

    /** An exact value or the reason there is none. */
    record Result(Rational value, NotConstant failure) {}

    private final Map<String, Expr> settings;
    private final Typing typing;

    /**
     * @param settings the optimizer's settings with the train statement's overrides, by name
     * @param typing   the checked types, which tell a hyper (real) a setting reads from t or a dimension (int)
     */
    ExactConstant(Map<String, Expr> settings, Typing typing) {
        this.settings = settings;
        this.typing = typing;
    }

    Result evaluate(Expr e) {
        try {
            BigInteger[] f = eval(e, true);
            return new Result(toRational(f, e), null);
        } catch (Failure failure) {
            return new Result(null, failure.reason);
        }
    }

    private static final class Failure extends Exception {
        final NotConstant reason;

        Failure(Expr where, String why) {
            super(why, null, false, false);
            this.reason = new NotConstant(where, why);
        }
    }

    /** {numerator, denominator} with a positive denominator, not necessarily reduced. */
    private BigInteger[] eval(Expr e, boolean settingsVisible) throws Failure {
        if (e instanceof Expr.Num n) return literal(n);
        Expr.Name read = settingsVisible ? null : varying(e);
        if (read != null) {
            // Inside a train statement's setting a real name is a hyper and an int named t the step number.
            throw new Failure(e, "'" + e.span().text() + "' reads " + (read.name().equals("t") ? "the step number t"
                    : "hyper '" + read.name() + "', which tuning changes") + ", so it is not an exact constant: the update is "
                    + "undone by dividing by the same exact fraction at every step; fix it to a decimal (e.g. 0.9) "
                    + "or tune it with unrolled, tree or binomial");
        }
        if (e instanceof Expr.Name name) {
            Expr value = settingsVisible ? settings.get(name.name()) : null;
            if (value == null) {
                throw new Failure(e, "'" + name.name() + "' is not a setting of the optimizer with a constant value");
            }
            return eval(value, false);
        }
        if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NEG) {
            BigInteger[] v = eval(u.operand(), settingsVisible);
            return new BigInteger[] {v[0].negate(), v[1]};
        }
        if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.PLUS) return eval(u.operand(), settingsVisible);
        if (e instanceof Expr.Binary b) {
            if (b.op() == Expr.BinaryOp.POW) return power(b, settingsVisible);
            BigInteger[] l = eval(b.left(), settingsVisible), r = eval(b.right(), settingsVisible);
            switch (b.op()) {
                case ADD: return new BigInteger[] {l[0].multiply(r[1]).add(r[0].multiply(l[1])), l[1].multiply(r[1])};
                case SUB: return new BigInteger[] {l[0].multiply(r[1]).subtract(r[0].multiply(l[1])), l[1].multiply(r[1])};
                case MUL: return new BigInteger[] {l[0].multiply(r[0]), l[1].multiply(r[1])};
                case DIV:
                    if (r[0].signum() == 0) throw new Failure(e, "division by zero");
                    BigInteger num = l[0].multiply(r[1]), den = l[1].multiply(r[0]);
                    return den.signum() < 0 ? new BigInteger[] {num.negate(), den.negate()} : new BigInteger[] {num, den};
                default:
                    break;
            }
        }
        throw new Failure(e, "'" + e.span().text() + "' is not an exact constant (literals, settings, + - * / and "
                + "integer powers are; write a decay rate as a decimal, e.g. 0.9)");
    }

    /** The first name in e that varies over a run or over tuning: a hyper, or the step number t. */
    private Expr.Name varying(Expr e) {
        if (e instanceof Expr.Name n) {
            Type type = typing.type(n);
            boolean step = n.name().equals("t") && type != null && type.isInt();
            if (step || type != null && !type.isInt()) return n;
        }
        for (Expr c : Expr.children(e)) {
            Expr.Name n = varying(c);
            if (n != null) return n;
        }
        return null;
    }

    private BigInteger[] literal(Expr.Num n) throws Failure {
        String text = n.span().text().trim();
        Rational r;
        try {
            r = Rational.of(text);
        } catch (IllegalArgumentException notDecimal) {
            try {
                r = Rational.of(n.value());
            } catch (IllegalArgumentException tooLong) {
                throw new Failure(n, "'" + text + "' has no exact fraction of 63-bit numerator and denominator");
            }
        }
        return new BigInteger[] {BigInteger.valueOf(r.numerator()), BigInteger.valueOf(r.denominator())};
    }

    private BigInteger[] power(Expr.Binary b, boolean settingsVisible) throws Failure {
        BigInteger[] base = eval(b.left(), settingsVisible);
        BigInteger[] exp = eval(b.right(), settingsVisible);
        BigInteger[] reduced = reduce(exp);
        if (!reduced[1].equals(BigInteger.ONE) || reduced[0].abs().compareTo(BigInteger.valueOf(64)) > 0) {
            throw new Failure(b.right(), "the exponent of an exact constant must be an integer from -64 to 64");
        }
        int k = reduced[0].intValueExact();
        BigInteger num = base[0].pow(Math.abs(k)), den = base[1].pow(Math.abs(k));
        if (k >= 0) return new BigInteger[] {num, den};
        if (num.signum() == 0) throw new Failure(b, "zero to a negative power");
        return num.signum() < 0 ? new BigInteger[] {den.negate(), num.negate()} : new BigInteger[] {den, num};
    }

    private static BigInteger[] reduce(BigInteger[] f) {
        BigInteger g = f[0].gcd(f[1]);
        if (g.signum() == 0) return new BigInteger[] {BigInteger.ZERO, BigInteger.ONE};
        return new BigInteger[] {f[0].divide(g), f[1].divide(g)};
    }

    private static Rational toRational(BigInteger[] f, Expr e) throws Failure {
        BigInteger[] r = reduce(f);
        if (r[0].bitLength() > 62 || r[1].bitLength() > 62) {
            throw new Failure(e, "'" + e.span().text() + "' = " + r[0] + "/" + r[1] + " does not fit 63-bit integers");
        }
        return Rational.of(r[0].longValueExact(), r[1].longValueExact());
    }
}
