package hyp.spark;

import hyp.runtime.embed.Solver;
import java.io.Serializable;
import java.util.Map;

/**
 * What every partition needs besides its rows, shipped once per solver as a broadcast: the generated class's name
 * (loaded on the executor through the task's class loader, which holds the jars given to Spark) and the data that
 * are not split by rows (validation sets and other shared values).
 */
final class ModelContext implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String className;
    private final Map<String, Values> shared;
    /** The class itself where it is known (the driver); found by name after deserialization. */
    private transient Class<?> generated;

    ModelContext(Class<?> generated, Map<String, Values> shared) {
        this.className = generated.getName();
        this.shared = Map.copyOf(shared);
        this.generated = generated;
    }

    Map<String, Values> shared() {
        return shared;
    }

    /** A solver of the model with the shared data bound, on whatever JVM this runs. */
    Solver solver() {
        if (generated == null) generated = load(className);
        Solver s = Solver.load(generated);
        shared.forEach((name, v) -> s.data(name, v.tensor()));
        return s;
    }

    /** The generated class, through the calling thread's context class loader (on an executor, the task's). */
    static Class<?> load(String className) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) loader = ModelContext.class.getClassLoader();
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("generated class " + className + " is not on this JVM's class path: give "
                    + "its model jar to Spark (spark-submit --jars model.jar, or SparkContext.addJar)", e);
        }
    }
}
