package hyp.runtime.ops;

/**
 * Whether the tensor ops run their plain scalar loops ({@link ScalarLoops}, {@link ReferenceProducts})
 * instead of the SIMD kernels. Off unless the JVM is started with {@code -Dhyp.ops.reference=true}; it exists so
 * that a benchmark can measure generated code on the scalar path it replaced. Read once: a constant to the JIT.
 */
final class ReferenceMode {
    static final boolean ON = Boolean.getBoolean("hyp.ops.reference");

    private ReferenceMode() {}
}
