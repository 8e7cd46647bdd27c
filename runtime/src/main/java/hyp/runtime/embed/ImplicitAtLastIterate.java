package hyp.runtime.embed;

import hyp.runtime.hyper.Dynamics;
import hyp.runtime.hyper.Hypergradient;
import hyp.runtime.hyper.Implicit;
import hyp.runtime.hyper.InnerObjective;
import hyp.runtime.hyper.Work;
import java.util.Arrays;

/**
 * The implicit hypergradient of a train statement's run: T optimizer steps from the initial state, then CG on
 * Hessian-vector products at the trained parameter (state entry 0, the first {@code paramSize} entries).
 */
public final class ImplicitAtLastIterate {
    private ImplicitAtLastIterate() {}

    /** The hypergradient at λ = {@code hyper}; its work counts the T forward steps too. */
    public static Hypergradient compute(Dynamics dynamics, InnerObjective objective, int steps, double[] hyper,
                                        Implicit.Options options) {
        double[] s = dynamics.run(hyper, steps);
        double[] w = Arrays.copyOf(s, objective.paramSize());
        Hypergradient g = new Implicit(options).compute(objective, w, hyper);
        return new Hypergradient(g.value(), g.gradient(), g.memory(), g.work().plus(Work.ofSteps(steps, 0)));
    }
}
