package hyp.bench;

import org.openjdk.jmh.annotations.Fork;

/**
 * The same benchmarks with C2's automatic loop vectorisation switched off, so the "scalar loop"
 * really runs one element at a time. (With it on, C2 turns the plain axpy loop into SIMD code by
 * itself, which is why {@link Blas1Bench} shows little gap for axpy.)
 */
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:-UseSuperWord"})
public class Blas1NoSuperWordBench extends Blas1Bench {
}
