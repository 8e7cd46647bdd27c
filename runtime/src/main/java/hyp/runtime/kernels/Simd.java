package hyp.runtime.kernels;

/**
 * Whether the kernels run on the Vector API. It is an incubator module, present only when the JVM is started
 * with {@code --add-modules jdk.incubator.vector}; without it the kernels run plain scalar loops (the same
 * results up to the order of additions in sums), and the classes that touch the Vector API ({@code Simd*},
 * {@code Lanes}, {@code GemmKernel}, {@code GemmPacking}) are never loaded. The choice is said once on stderr.
 * Read once: a constant to the JIT, so the vector path pays nothing for the check.
 */
public final class Simd {
    /** True when jdk.incubator.vector is in the boot layer. */
    static final boolean ENABLED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    static {
        if (!ENABLED) {
            System.err.println("hyp: the Vector API (module jdk.incubator.vector) is not available, so the runtime "
                    + "runs its scalar kernels, which are slower; start java with --add-modules jdk.incubator.vector "
                    + "(and -XX:-DontCompileHugeMethods) for the SIMD kernels");
        }
    }

    private Simd() {
    }

    /** Whether the SIMD kernels run (else the scalar fallback). */
    public static boolean enabled() {
        return ENABLED;
    }
}
