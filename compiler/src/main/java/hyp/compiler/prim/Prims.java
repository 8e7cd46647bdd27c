package hyp.compiler.prim;

import hyp.compiler.ir.Arithmetic;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every primitive of the IR, one instance each. What passes and the checker need to know of all of them
 * ({@link #ALL}, {@link #BY_SURFACE_NAME}, {@link Primitive#elementwise}) comes from the primitives themselves, so
 * a new primitive is its own file and its constant here, and no list to keep in step.
 */
public final class Prims {
    private Prims() {}

    /** The primitives declared below, in order; read only to build {@link #ALL}. Declared first: see {@link #of}. */
    private static final List<Primitive> DECLARED = new ArrayList<>();

    /** Records {@code p} as one of {@link #ALL}; static fields initialise in order, so DECLARED exists already. */
    private static Primitive of(Primitive p) {
        DECLARED.add(p);
        return p;
    }

    public static final Primitive ADD = of(new Add());
    public static final Primitive SUB = of(new Sub());
    public static final Primitive MUL = of(new Mul());
    public static final Primitive DIV = of(new Div());
    public static final Primitive POW = of(new Pow());
    public static final Primitive NEG = of(new Neg());
    public static final Primitive GE_MASK = of(new Mask(true));
    public static final Primitive LE_MASK = of(new Mask(false));
    public static final Primitive MAX = of(new MaxMin(true));
    public static final Primitive MIN = of(new MaxMin(false));

    public static final Primitive EXP = of(new Exp());
    public static final Primitive LOG = of(new Log());
    public static final Primitive LOG1P = of(new Log1p());
    public static final Primitive SQRT = of(new Sqrt());
    public static final Primitive ABS = of(new Abs());
    public static final Primitive TANH = of(new Tanh());
    public static final Primitive SIGMOID = of(new Sigmoid());
    public static final Primitive SOFTPLUS = of(new Softplus());
    public static final Primitive RELU = of(new Relu());
    public static final Primitive STEP = of(new Step());
    public static final Primitive SIGN = of(new Sign());

    public static final Primitive LT = of(new Compare("lt", "<"));
    public static final Primitive LE = of(new Compare("le", "<="));
    public static final Primitive GT = of(new Compare("gt", ">"));
    public static final Primitive GE = of(new Compare("ge", ">="));
    public static final Primitive EQ = of(new Compare("eq", "=="));
    public static final Primitive NE = of(new Compare("ne", "!="));
    public static final Primitive AND = of(new Logic("and", "&&"));
    public static final Primitive OR = of(new Logic("or", "||"));
    public static final Primitive NOT = of(new Logic("not", "!"));
    public static final Primitive TO_REAL = of(new IntToReal());

    public static final Primitive SUM = of(new Sum());
    public static final Primitive MEAN = of(new Mean());
    public static final Primitive REDUCE_MAX = of(new ReduceMax());
    public static final Primitive NORM = of(new Norm());
    public static final Primitive LOGSUMEXP = of(new LogSumExp());
    public static final Primitive SIZE = of(new Size());

    public static final Primitive MATMUL = of(new MatMul());
    public static final Primitive TRANSPOSE = of(new Transpose());
    public static final Primitive OUTER = of(new Outer());
    public static final Primitive BROADCAST = of(new Broadcast());
    public static final Primitive FILL = of(new Fill());
    public static final Primitive STACK = of(new Stack());
    public static final Primitive INDEX = of(new Index());
    public static final Primitive SCATTER = of(new Scatter());
    public static final Primitive RESHAPE = of(new Reshape());

    public static final Primitive CONV2D = of(new Conv2d());
    public static final Primitive CONV2D_INPUT_ADJOINT = of(new Conv2dInputAdjoint());
    public static final Primitive CONV2D_FILTER_ADJOINT = of(new Conv2dFilterAdjoint());
    public static final Primitive AVGPOOL2 = of(new AvgPool2());
    public static final Primitive AVGPOOL2_ADJOINT = of(new AvgPool2Adjoint());

    public static final Primitive SPREAD_ROWS = of(new SpreadRows());
    public static final Primitive SUM_ROWS = of(new SumRows());
    public static final Primitive ROW_BROADCAST = of(new RowBroadcast());
    public static final Primitive ROW_SUMS = of(new RowSums());
    public static final Primitive ROW_LOGSUMEXP = of(new RowLogSumExp());

    public static final Primitive TAPE_CREATE = of(new TapeOps.Create());
    public static final Primitive TAPE_PUSH = of(new TapeOps.Push());
    public static final Primitive TAPE_POP = of(new TapeOps.Pop());

    /**
     * Element-wise chains fused into one loop; made only by the last pass before a back end, so it is not in
     * {@link #ALL}, whose every member has derivative rules.
     */
    public static final Primitive FUSED = new Fused();

    /** Xᵀ f(X u, …) in one pass over X's rows; made by the last pass before a back end, like {@link #FUSED}. */
    public static final Primitive ROW_PASS = new RowPass();

    /** True for primitives with effects, which no pass may reorder, merge or drop. */
    public static boolean effectful(Operator p) {
        return p.effectful();
    }

    /** All primitives that transformations see (not {@link #FUSED}, {@link #ROW_PASS}): each has derivative rules. */
    public static final List<Primitive> ALL = List.copyOf(DECLARED);

    /** The operators an {@link IrBuilder}'s arithmetic helpers emit. */
    public static final Arithmetic ARITHMETIC = new Arithmetic(ADD, SUB, MUL, DIV, NEG, SUM, BROADCAST);

    /** The one-argument functions .hyp code calls by name, by their {@link Primitive#surfaceName}. */
    public static final Map<String, Primitive> BY_SURFACE_NAME = ALL.stream()
            .filter(p -> p.surfaceName() != null)
            .collect(Collectors.toUnmodifiableMap(Primitive::surfaceName, Function.identity()));
}
