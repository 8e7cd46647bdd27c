package hyp.bench;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link GradientCostBench} on the scalar code path that the kernels and fusion replaced: the tensor ops run their
 * plain reference loops ({@code -Dhyp.ops.reference=true}) and nothing is fused.
 */
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:-DontCompileHugeMethods",
        "-Dhyp.ops.reference=true"})
public class GradientCostScalarBench extends GradientCostBench {
}
