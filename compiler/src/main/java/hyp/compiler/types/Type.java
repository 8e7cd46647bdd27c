package hyp.compiler.types;

import java.util.List;
import java.util.stream.Collectors;

/** Types of values: scalars of three kinds and real tensors with symbolic or literal dimensions. */
public sealed interface Type {
    Scalar REAL = new Scalar(Kind.REAL);
    Scalar INT = new Scalar(Kind.INT);
    Scalar BOOL = new Scalar(Kind.BOOL);

    enum Kind { REAL, INT, BOOL }

    record Scalar(Kind kind) implements Type {
        @Override
        public String toString() {
            return kind.name().toLowerCase();
        }
    }

    /** A real tensor; rank ≥ 1. */
    record Tensor(List<Dim> dims) implements Type {
        public Tensor {
            dims = List.copyOf(dims);
        }

        public int rank() {
            return dims.size();
        }

        @Override
        public String toString() {
            return "real[" + dims.stream().map(Dim::toString).collect(Collectors.joining(", ")) + "]";
        }
    }

    /** The tape adjoint code threads through its sweeps; its "tangent" is a second tape for tangents. */
    record Tape() implements Type {
        @Override
        public String toString() {
            return "tape";
        }
    }

    Tape TAPE = new Tape();

    /**
     * The complex counterpart of a real scalar or real tensor type {@code of}. Only complex-step code (made from a
     * def by {@code hyp.compiler.ad.ComplexTransform} to check its derivatives) has values of this type.
     */
    record Complex(Type of) implements Type {
        public Complex {
            if (!of.isReal() && !of.isTensor()) throw new IllegalArgumentException("no complex counterpart of " + of);
        }

        @Override
        public String toString() {
            return of instanceof Tensor t
                    ? "complex[" + t.dims().stream().map(Dim::toString).collect(Collectors.joining(", ")) + "]"
                    : "complex";
        }
    }

    static Tensor tensor(Dim... dims) {
        return new Tensor(List.of(dims));
    }

    default boolean isReal() {
        return this == REAL || this.equals(REAL);
    }

    default boolean isInt() {
        return this.equals(INT);
    }

    default boolean isBool() {
        return this.equals(BOOL);
    }

    default boolean isTensor() {
        return this instanceof Tensor;
    }

    /** Real scalars and tensors carry derivatives; ints and bools do not. */
    default boolean differentiable() {
        return isReal() || isTensor();
    }

    /** A number-like type (real, int or a tensor) that arithmetic accepts. */
    default boolean numeric() {
        return isReal() || isInt() || isTensor();
    }
}
