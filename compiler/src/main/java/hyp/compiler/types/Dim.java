package hyp.compiler.types;

/** One tensor dimension: a symbolic name, the same size wherever it appears in a file, or a literal size. */
public record Dim(String name, int size) {
    public static Dim named(String name) {
        return new Dim(name, -1);
    }

    public static Dim of(int size) {
        return new Dim(null, size);
    }

    public boolean symbolic() {
        return name != null;
    }

    @Override
    public String toString() {
        return symbolic() ? name : Integer.toString(size);
    }
}
