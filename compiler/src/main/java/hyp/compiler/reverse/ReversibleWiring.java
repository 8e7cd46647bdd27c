package hyp.compiler.reverse;

import hyp.compiler.backend.bytecode.JavaNames;
import hyp.compiler.ir.Function;
import hyp.runtime.exact.Rational;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The reversible part of a model jar's solver wiring: what {@link ReversibleProgram#sequence} builds, written as
 * properties ({@code hyp.runtime.embed.ReversiblePlan} documents the keys and rebuilds the
 * {@code UpdateSequence}), so the runtime can run the step backwards with the increment functions compiled into
 * the jar and values the compiler never sees.
 */
public final class ReversibleWiring {
    private ReversibleWiring() {}

    /**
     * Adds the reversible keys to {@code p}.
     *
     * @param rp     the compiled step
     * @param state  the train statement's state entries (the dynamics' state layout), the until flag last if any
     * @param hypers the tuned hyperparameters in λ's order
     * @param generatedClass the class {@code rp.functions()} are compiled to
     */
    public static void write(Properties p, ReversibleProgram rp, List<String> state, List<String> hypers,
                             String generatedClass) {
        StepPlan plan = rp.plan();
        boolean stops = plan.until() != null;
        int memory = state.size() - (stops ? 1 : 0);
        p.setProperty("reversible.class", generatedClass);
        p.setProperty("reversible.stops", Boolean.toString(stops));
        p.setProperty("reversible.groups", Integer.toString(plan.groups().size()));
        for (int g = 0; g < plan.groups().size(); g++) {
            StepPlan.Group group = plan.groups().get(g);
            List<String> targets = new ArrayList<>(), gammas = new ArrayList<>(), signs = new ArrayList<>(),
                    implicit = new ArrayList<>();
            for (StepPlan.Update u : group.updates()) {
                Rational gamma = u.form().gamma();
                targets.add(Integer.toString(u.stateIndex()));
                // n/d always, even for 1, so the runtime reads the exact fraction without parsing decimals.
                gammas.add(gamma.numerator() + "/" + gamma.denominator());
                signs.add(Integer.toString(u.sign()));
                implicit.add(Boolean.toString(u.implicit()));
            }
            String key = "reversible.group." + g + ".";
            p.setProperty(key + "targets", String.join(",", targets));
            p.setProperty(key + "gammas", String.join(",", gammas));
            p.setProperty(key + "signs", String.join(",", signs));
            p.setProperty(key + "implicit", String.join(",", implicit));
            p.setProperty(key + "stop", Boolean.toString(group.yieldsStop()));
            call(p, "reverseGroup" + g, function(rp, ReversibleLowering.groupFunction(rp.optimizer(), g)), memory, hypers, rp.batchedData());
        }
        if (stops && !plan.untilInLastGroup()) {
            call(p, "reverseUntil", function(rp, ReversibleLowering.untilFunction(rp.optimizer())), memory, hypers, rp.batchedData());
        }
    }

    private static Function function(ReversibleProgram rp, String name) {
        return rp.functions().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no increment function " + name));
    }

    /**
     * An increment function's call plan, with its arguments taken as {@link ReversibleProgram#sequence} binds
     * them: the memory entries, the step number, then hypers by index and everything else (data) by name.
     */
    private static void call(Properties p, String role, Function f, int memory, List<String> hypers, List<String> batched) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < f.paramNames().size(); i++) {
            String name = f.paramNames().get(i);
            if (i < memory) args.add("state:" + i);
            else if (i == memory) args.add("step");
            else if (hypers.contains(name)) args.add("hyper:" + hypers.indexOf(name));
            else if (batched.contains(name)) args.add("batched:" + name);
            else args.add("fixed:" + name);
        }
        String key = "call." + role + ".";
        p.setProperty(key + "method", JavaNames.legal(f.name()));
        p.setProperty(key + "arguments", String.join(",", args));
        p.setProperty(key + "primal", Integer.toString(f.body().results().size()));
        p.setProperty(key + "cotangents", "");
    }
}
