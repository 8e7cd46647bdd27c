package hyp.bench;

import org.openjdk.jmh.annotations.Fork;

/** {@link GradientCostBench} compiled without element-wise fusion: each tensor op a kernel call of its own. */
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:-DontCompileHugeMethods",
        "-Dhyp.bench.fuse=false"})
public class GradientCostUnfusedBench extends GradientCostBench {
}
