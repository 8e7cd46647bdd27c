package hyp.compiler.prim;

import java.util.List;

/** Every primitive of the IR, one instance each. */
public final class Prims {
    private Prims() {}

    public static final Primitive ADD = new Add();
    public static final Primitive SUB = new Sub();
    public static final Primitive MUL = new Mul();
    public static final Primitive DIV = new Div();
    public static final Primitive POW = new Pow();
    public static final Primitive NEG = new Neg();
    public static final Primitive GE_MASK = new Mask(true);
    public static final Primitive LE_MASK = new Mask(false);
    public static final Primitive MAX = new MaxMin(true);
    public static final Primitive MIN = new MaxMin(false);

    public static final Primitive EXP = new Exp();
    public static final Primitive LOG = new Log();
    public static final Primitive LOG1P = new Log1p();
    public static final Primitive SQRT = new Sqrt();
    public static final Primitive ABS = new Abs();
    public static final Primitive TANH = new Tanh();
    public static final Primitive SIGMOID = new Sigmoid();
    public static final Primitive SOFTPLUS = new Softplus();
    public static final Primitive RELU = new Relu();
    public static final Primitive STEP = new Step();
    public static final Primitive SIGN = new Sign();

    public static final Primitive LT = new Compare("lt", "<");
    public static final Primitive LE = new Compare("le", "<=");
    public static final Primitive GT = new Compare("gt", ">");
    public static final Primitive GE = new Compare("ge", ">=");
    public static final Primitive EQ = new Compare("eq", "==");
    public static final Primitive NE = new Compare("ne", "!=");
    public static final Primitive AND = new Logic("and", "&&");
    public static final Primitive OR = new Logic("or", "||");
    public static final Primitive NOT = new Logic("not", "!");
    public static final Primitive TO_REAL = new IntToReal();

    public static final Primitive SUM = new Sum();
    public static final Primitive MEAN = new Mean();
    public static final Primitive REDUCE_MAX = new ReduceMax();
    public static final Primitive NORM = new Norm();
    public static final Primitive LOGSUMEXP = new LogSumExp();
    public static final Primitive SIZE = new Size();

    public static final Primitive MATMUL = new MatMul();
    public static final Primitive TRANSPOSE = new Transpose();
    public static final Primitive OUTER = new Outer();
    public static final Primitive BROADCAST = new Broadcast();
    public static final Primitive FILL = new Fill();
    public static final Primitive STACK = new Stack();
    public static final Primitive INDEX = new Index();
    public static final Primitive SCATTER = new Scatter();
    public static final Primitive RESHAPE = new Reshape();

    public static final Primitive CONV2D = new Conv2d();
    public static final Primitive CONV2D_INPUT_ADJOINT = new Conv2dInputAdjoint();
    public static final Primitive CONV2D_FILTER_ADJOINT = new Conv2dFilterAdjoint();
    public static final Primitive AVGPOOL2 = new AvgPool2();
    public static final Primitive AVGPOOL2_ADJOINT = new AvgPool2Adjoint();

    public static final Primitive SPREAD_ROWS = new SpreadRows();
    public static final Primitive SUM_ROWS = new SumRows();
    public static final Primitive ROW_BROADCAST = new RowBroadcast();
    public static final Primitive ROW_SUMS = new RowSums();
    public static final Primitive ROW_LOGSUMEXP = new RowLogSumExp();

    public static final Primitive TAPE_CREATE = new TapeOps.Create();
    public static final Primitive TAPE_PUSH = new TapeOps.Push();
    public static final Primitive TAPE_POP = new TapeOps.Pop();

    /**
     * Element-wise chains fused into one loop; made only by the last pass before a back end, so it is not in
     * {@link #ALL}, whose every member has derivative rules.
     */
    public static final Primitive FUSED = new Fused();

    /** Xᵀ f(X u, …) in one pass over X's rows; made by the last pass before a back end, like {@link #FUSED}. */
    public static final Primitive ROW_PASS = new RowPass();

    /** True for primitives with effects, which no pass may reorder, merge or drop. */
    public static boolean effectful(Primitive p) {
        return p.effectful();
    }

    /** Element-wise functions of one real, callable by name in .hyp code. */
    public static final List<Primitive> UNARY_FUNCTIONS =
            List.of(EXP, LOG, LOG1P, SQRT, ABS, TANH, SIGMOID, SOFTPLUS, RELU);

    /** All primitives, for tests that check every rule. */
    public static final List<Primitive> ALL = List.of(ADD, SUB, MUL, DIV, POW, NEG, GE_MASK, LE_MASK, MAX, MIN,
            EXP, LOG, LOG1P, SQRT, ABS, TANH, SIGMOID, SOFTPLUS, RELU, STEP, SIGN,
            LT, LE, GT, GE, EQ, NE, AND, OR, NOT, TO_REAL,
            SUM, MEAN, REDUCE_MAX, NORM, LOGSUMEXP, SIZE,
            MATMUL, TRANSPOSE, OUTER, BROADCAST, FILL, STACK, INDEX, SCATTER, RESHAPE,
            CONV2D, CONV2D_INPUT_ADJOINT, CONV2D_FILTER_ADJOINT, AVGPOOL2, AVGPOOL2_ADJOINT,
            SPREAD_ROWS, SUM_ROWS, ROW_BROADCAST, ROW_SUMS, ROW_LOGSUMEXP,
            TAPE_CREATE, TAPE_PUSH, TAPE_POP);
}
