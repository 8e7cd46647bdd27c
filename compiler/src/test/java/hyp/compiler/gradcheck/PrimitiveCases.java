package hyp.compiler.gradcheck;

import static hyp.compiler.gradcheck.Arg.integer;
import static hyp.compiler.gradcheck.Arg.literal;
import static hyp.compiler.gradcheck.Arg.real;
import static hyp.compiler.gradcheck.Arg.tensor;

import hyp.compiler.prim.IndexSpec;
import hyp.compiler.prim.Primitive;
import hyp.compiler.prim.Prims;
import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The argument kinds each differentiable primitive is tested on: scalars, tensors, 1-element tensors and both
 * directions of scalar-tensor broadcasting, with domains that include the primitive's edge values.
 */
final class PrimitiveCases {
    private PrimitiveCases() {}

    /** Primitives with no derivative to test: bool or int results, int inputs, and the tape's effects. */
    static final Set<Primitive> EXEMPT = Set.of(Prims.LT, Prims.LE, Prims.GT, Prims.GE, Prims.EQ, Prims.NE,
            Prims.AND, Prims.OR, Prims.NOT, Prims.TO_REAL, Prims.SIZE, Prims.TAPE_CREATE, Prims.TAPE_PUSH, Prims.TAPE_POP);

    static Map<Primitive, List<Case>> all() {
        Map<Primitive, List<Case>> cases = new LinkedHashMap<>();
        elementwise(cases, Prims.ADD, Domain.ANY, Domain.ANY);
        elementwise(cases, Prims.SUB, Domain.ANY, Domain.ANY);
        elementwise(cases, Prims.MUL, Domain.ANY, Domain.ANY);
        elementwise(cases, Prims.DIV, Domain.ANY, Domain.NONZERO);
        elementwise(cases, Prims.POW, Domain.BASE, Domain.POWER);
        elementwise(cases, Prims.MAX, Domain.ANY, Domain.ANY);
        elementwise(cases, Prims.MIN, Domain.ANY, Domain.ANY);
        elementwise(cases, Prims.GE_MASK, Domain.ANY, Domain.ANY);
        elementwise(cases, Prims.LE_MASK, Domain.ANY, Domain.ANY);
        // constant exponents take the rules' special cases, and allow negative bases
        for (double p : new double[] {2, 1, 3, -1, 0.5, -2}) {
            Domain base = p == Math.rint(p) ? Domain.NONZERO : Domain.POSITIVE;
            cases.get(Prims.POW).add(new Case(Prims.POW, real(base), literal(p)));
            cases.get(Prims.POW).add(new Case(Prims.POW, tensor(base, 3), literal(p)));
        }
        cases.get(Prims.POW).add(new Case(Prims.POW, tensor(Domain.ANY, 4), literal(2)));

        unary(cases, Prims.NEG, Domain.ANY);
        unary(cases, Prims.EXP, Domain.EXPONENT);
        unary(cases, Prims.LOG, Domain.POSITIVE);
        unary(cases, Prims.LOG1P, Domain.ABOVE_MINUS_ONE);
        unary(cases, Prims.SQRT, Domain.POSITIVE);
        unary(cases, Prims.ABS, Domain.ANY);
        unary(cases, Prims.TANH, Domain.SATURATING);
        unary(cases, Prims.SIGMOID, Domain.SATURATING);
        unary(cases, Prims.SOFTPLUS, Domain.SATURATING);
        unary(cases, Prims.RELU, Domain.ANY);
        unary(cases, Prims.STEP, Domain.ANY);
        unary(cases, Prims.SIGN, Domain.ANY);

        reduction(cases, Prims.SUM, Domain.ANY);
        reduction(cases, Prims.MEAN, Domain.ANY);
        reduction(cases, Prims.REDUCE_MAX, Domain.ANY);
        put(cases, new Case(Prims.NORM, tensor(Domain.NONZERO, 4)), new Case(Prims.NORM, tensor(Domain.NONZERO, 2, 3)),
                new Case(Prims.NORM, tensor(Domain.AT_LEAST_ONE, 1)));
        reduction(cases, Prims.LOGSUMEXP, Domain.SPREAD);
        put(cases, new Case(Prims.LOGSUMEXP, tensor(Domain.NEAR_300, 4)), new Case(Prims.LOGSUMEXP, tensor(Domain.NEAR_MINUS_700, 2, 2)));

        Domain m = Domain.MODERATE;
        put(cases, new Case(Prims.MATMUL, tensor(m, 3), tensor(m, 3)), new Case(Prims.MATMUL, tensor(m, 1), tensor(m, 1)),
                new Case(Prims.MATMUL, tensor(m, 2, 3), tensor(m, 3)), new Case(Prims.MATMUL, tensor(m, 1, 1), tensor(m, 1)),
                new Case(Prims.MATMUL, tensor(m, 3), tensor(m, 3, 2)), new Case(Prims.MATMUL, tensor(m, 2, 3), tensor(m, 3, 4)),
                new Case(Prims.MATMUL, tensor(m, 1, 3), tensor(m, 3, 1)));
        put(cases, new Case(Prims.TRANSPOSE, tensor(m, 2, 3)), new Case(Prims.TRANSPOSE, tensor(m, 1, 4)),
                new Case(Prims.TRANSPOSE, tensor(m, 1, 1)));
        put(cases, new Case(Prims.OUTER, tensor(m, 3), tensor(m, 2)), new Case(Prims.OUTER, tensor(m, 1), tensor(m, 1)));
        put(cases, new Case(Prims.BROADCAST, real(m), tensor(m, 3)), new Case(Prims.BROADCAST, real(m), tensor(m, 2, 2)),
                new Case(Prims.BROADCAST, real(m), tensor(m, 1)));
        put(cases, new Case(Prims.FILL, Type.tensor(Dim.of(3)), real(m), integer(3)),
                new Case(Prims.FILL, Type.tensor(Dim.of(2), Dim.of(3)), real(m), integer(2), integer(3)),
                new Case(Prims.FILL, Type.tensor(Dim.of(1)), real(m), integer(1)));
        put(cases, new Case(Prims.STACK, real(m)), new Case(Prims.STACK, real(m), real(m), real(m)),
                new Case(Prims.STACK, tensor(m, 2), tensor(m, 2), tensor(m, 2)),
                new Case(Prims.STACK, tensor(m, 2, 2), tensor(m, 2, 2)));
        indexing(cases, m);
        images(cases, m);
        rows(cases, m);
        return cases;
    }

    private static List<Dim> dims(int... sizes) {
        List<Dim> out = new ArrayList<>();
        for (int n : sizes) out.add(Dim.of(n));
        return out;
    }

    private static void images(Map<Primitive, List<Case>> cases, Domain m) {
        put(cases, new Case(Prims.RESHAPE, dims(6), tensor(m, 2, 3)), new Case(Prims.RESHAPE, dims(3, 2), tensor(m, 6)),
                new Case(Prims.RESHAPE, dims(1, 1), tensor(m, 1)), new Case(Prims.RESHAPE, dims(4, 2), tensor(m, 2, 2, 2)));
        put(cases, new Case(Prims.CONV2D, tensor(m, 1, 4, 4), tensor(m, 2, 1, 2, 2)),
                new Case(Prims.CONV2D, tensor(m, 2, 3, 3), tensor(m, 1, 2, 3, 3)),
                new Case(Prims.CONV2D, tensor(m, 1, 1, 1), tensor(m, 1, 1, 1, 1)));
        put(cases, new Case(Prims.CONV2D_INPUT_ADJOINT, tensor(m, 2, 3, 3), tensor(m, 2, 1, 2, 2)),
                new Case(Prims.CONV2D_INPUT_ADJOINT, tensor(m, 1, 1, 1), tensor(m, 1, 1, 1, 1)));
        put(cases, new Case(Prims.CONV2D_FILTER_ADJOINT, tensor(m, 2, 3, 3), tensor(m, 1, 4, 4)),
                new Case(Prims.CONV2D_FILTER_ADJOINT, tensor(m, 1, 1, 1), tensor(m, 1, 1, 1)));
        put(cases, new Case(Prims.AVGPOOL2, tensor(m, 4, 4)), new Case(Prims.AVGPOOL2, tensor(m, 2, 4, 2)),
                new Case(Prims.AVGPOOL2, tensor(m, 2, 2)));
        put(cases, new Case(Prims.AVGPOOL2_ADJOINT, tensor(m, 2, 2)), new Case(Prims.AVGPOOL2_ADJOINT, tensor(m, 2, 2, 1)),
                new Case(Prims.AVGPOOL2_ADJOINT, tensor(m, 1, 1)));
    }

    /** The primitives batching makes: along the leading (batch) axis and within each row. */
    private static void rows(Map<Primitive, List<Case>> cases, Domain m) {
        put(cases, new Case(Prims.SPREAD_ROWS, real(m), tensor(m, 3)), new Case(Prims.SPREAD_ROWS, tensor(m, 2), tensor(m, 3, 4)),
                new Case(Prims.SPREAD_ROWS, tensor(m, 2, 2), tensor(m, 1)));
        put(cases, new Case(Prims.SUM_ROWS, tensor(m, 3, 2)), new Case(Prims.SUM_ROWS, tensor(m, 2, 2, 2)),
                new Case(Prims.SUM_ROWS, tensor(m, 1, 1)));
        put(cases, new Case(Prims.ROW_BROADCAST, tensor(m, 3), tensor(m, 3, 2)),
                new Case(Prims.ROW_BROADCAST, tensor(m, 2), tensor(m, 2, 2, 2)), new Case(Prims.ROW_BROADCAST, tensor(m, 1), tensor(m, 1, 1)));
        put(cases, new Case(Prims.ROW_SUMS, tensor(m, 3, 2)), new Case(Prims.ROW_SUMS, tensor(m, 2, 2, 2)),
                new Case(Prims.ROW_SUMS, tensor(m, 1, 1)));
        put(cases, new Case(Prims.ROW_LOGSUMEXP, tensor(Domain.SPREAD, 3, 4)), new Case(Prims.ROW_LOGSUMEXP, tensor(Domain.SPREAD, 2, 2, 2)),
                new Case(Prims.ROW_LOGSUMEXP, tensor(Domain.NEAR_300, 2, 3)), new Case(Prims.ROW_LOGSUMEXP, tensor(Domain.SPREAD, 1, 1)));
        // the image primitives on a batch of two images
        put(cases, new Case(Prims.CONV2D, tensor(m, 2, 1, 4, 4), tensor(m, 2, 1, 2, 2)));
        put(cases, new Case(Prims.CONV2D_INPUT_ADJOINT, tensor(m, 2, 2, 3, 3), tensor(m, 2, 1, 2, 2)));
        put(cases, new Case(Prims.CONV2D_FILTER_ADJOINT, tensor(m, 2, 2, 3, 3), tensor(m, 2, 1, 4, 4)));
        put(cases, new Case(Prims.AVGPOOL2, tensor(m, 2, 2, 4, 2)));
        put(cases, new Case(Prims.AVGPOOL2_ADJOINT, tensor(m, 2, 1, 2, 2)));
    }

    private static void indexing(Map<Primitive, List<Case>> cases, Domain m) {
        IndexSpec get1 = new IndexSpec(IndexSpec.Form.GET1, null), get2 = new IndexSpec(IndexSpec.Form.GET2, null);
        IndexSpec row = new IndexSpec(IndexSpec.Form.ROW, null), col = new IndexSpec(IndexSpec.Form.COL, null);
        IndexSpec slice3 = new IndexSpec(IndexSpec.Form.SLICE, Dim.of(3)), slice1 = new IndexSpec(IndexSpec.Form.SLICE, Dim.of(1));
        put(cases, new Case(Prims.INDEX, get1, tensor(m, 4), integer(0, 3)), new Case(Prims.INDEX, get1, tensor(m, 1), integer(0)),
                new Case(Prims.INDEX, get2, tensor(m, 2, 3), integer(0, 1), integer(0, 2)),
                new Case(Prims.INDEX, row, tensor(m, 3, 2), integer(0, 2)),
                new Case(Prims.INDEX, row, tensor(m, 2, 2, 2), integer(0, 1)),
                new Case(Prims.INDEX, col, tensor(m, 2, 3), integer(0, 2)),
                new Case(Prims.INDEX, slice3, tensor(m, 5), integer(1), integer(4)),
                new Case(Prims.INDEX, slice1, tensor(m, 1), integer(0), integer(1)));
        put(cases, new Case(Prims.SCATTER, get1, real(m), tensor(m, 4), integer(0, 3)),
                new Case(Prims.SCATTER, get2, real(m), tensor(m, 2, 3), integer(0, 1), integer(0, 2)),
                new Case(Prims.SCATTER, row, tensor(m, 2), tensor(m, 3, 2), integer(0, 2)),
                new Case(Prims.SCATTER, col, tensor(m, 2), tensor(m, 2, 3), integer(0, 2)),
                new Case(Prims.SCATTER, slice3, tensor(m, 3), tensor(m, 5), integer(1), integer(4)));
    }

    /** Scalar ⊗ scalar, tensor ⊗ tensor (vectors, matrices, 1-element), and a scalar broadcast on either side. */
    private static void elementwise(Map<Primitive, List<Case>> cases, Primitive p, Domain a, Domain b) {
        put(cases, new Case(p, real(a), real(b)), new Case(p, tensor(a, 4), tensor(b, 4)),
                new Case(p, tensor(a, 2, 3), tensor(b, 2, 3)), new Case(p, tensor(a, 1), tensor(b, 1)),
                new Case(p, real(a), tensor(b, 3)), new Case(p, tensor(a, 3), real(b)),
                new Case(p, tensor(a, 2, 2), real(b)), new Case(p, real(a), tensor(b, 1)));
    }

    private static void unary(Map<Primitive, List<Case>> cases, Primitive p, Domain d) {
        put(cases, new Case(p, real(d)), new Case(p, tensor(d, 4)), new Case(p, tensor(d, 2, 3)), new Case(p, tensor(d, 1)));
    }

    private static void reduction(Map<Primitive, List<Case>> cases, Primitive p, Domain d) {
        put(cases, new Case(p, tensor(d, 4)), new Case(p, tensor(d, 2, 3)), new Case(p, tensor(d, 1)));
    }

    private static void put(Map<Primitive, List<Case>> cases, Case... list) {
        cases.computeIfAbsent(list[0].prim(), p -> new ArrayList<>()).addAll(List.of(list));
    }
}
