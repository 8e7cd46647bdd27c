package hyp.runtime.embed;

import hyp.runtime.data.Minibatches;
import hyp.runtime.exact.Rational;
import hyp.runtime.reverse.GeneratedIncrements;
import hyp.runtime.reverse.IncrementFunction;
import hyp.runtime.reverse.Update;
import hyp.runtime.reverse.UpdateGroup;
import hyp.runtime.reverse.UpdateSequence;
import hyp.runtime.train.CompiledDynamics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A train statement's optimizer step as a sequence of reversible updates, as {@code hyp compile} wrote it when the
 * compiler could invert the step: the description of an {@link UpdateSequence} whose increment functions are
 * generated methods of {@link #className}. Keys (lists comma-separated, one entry per update of the group):
 * <ul>
 *   <li>{@code reversible.class}; {@code reversible.stops} (whether the optimizer has an until rule);
 *       {@code reversible.groups}, the number G of update groups;</li>
 *   <li>per group g &lt; G: {@code reversible.group.g.targets} (state entries), {@code .gammas} (exact γ as
 *       {@code n/d}), {@code .signs} (+1 or −1), {@code .implicit} (true when the increment reads its own
 *       target), {@code .stop} (whether the group's function also evaluates the until rule), and the call plan
 *       {@code call.reverseGroupg.*};</li>
 *   <li>{@code call.reverseUntil.*}: the until rule's function, when the optimizer stops and no group computes it.</li>
 * </ul>
 *
 * @param className the class of the increment functions
 * @param groups    the update groups in step order
 * @param stops     whether the optimizer has an until rule (the state's last entry is then its flag)
 * @param stopRule  the until rule's function, or null when there is none or the last group computes it
 */
public record ReversiblePlan(String className, List<Group> groups, boolean stops, CallPlan stopRule) {
    public ReversiblePlan {
        groups = List.copyOf(groups);
    }

    /**
     * One group of updates computed by one increment function.
     *
     * @param updates    the runtime's updates, names taken from the state entries
     * @param increments how to call the group's function
     * @param yieldsStop whether it also returns the until flag
     */
    public record Group(List<Update> updates, CallPlan increments, boolean yieldsStop) {
        public Group {
            updates = List.copyOf(updates);
        }
    }

    /** The plan in {@code p}, or null when the wiring has none (the step cannot be inverted). */
    static ReversiblePlan read(Properties p, List<String> state) {
        String className = p.getProperty("reversible.class");
        if (className == null) return null;
        int count = Integer.parseInt(Wiring.get(p, "reversible.groups"));
        List<Group> groups = new ArrayList<>();
        for (int g = 0; g < count; g++) {
            String k = "reversible.group." + g + ".";
            List<String> targets = Wiring.list(p, k + "targets"), gammas = Wiring.list(p, k + "gammas"),
                    signs = Wiring.list(p, k + "signs"), implicit = Wiring.list(p, k + "implicit");
            if (gammas.size() != targets.size() || signs.size() != targets.size() || implicit.size() != targets.size()) {
                throw new IllegalArgumentException("solver description: group " + g + " of the reversible step lists "
                        + targets.size() + " targets but " + gammas.size() + " gammas, " + signs.size() + " signs and "
                        + implicit.size() + " implicit flags");
            }
            List<Update> updates = new ArrayList<>();
            for (int u = 0; u < targets.size(); u++) {
                int target = Integer.parseInt(targets.get(u));
                updates.add(new Update(target, state.get(target), rational(gammas.get(u)),
                        Integer.parseInt(signs.get(u)), Boolean.parseBoolean(implicit.get(u))));
            }
            groups.add(new Group(updates, Wiring.callPlan(p, "reverseGroup" + g),
                    Boolean.parseBoolean(Wiring.get(p, k + "stop"))));
        }
        CallPlan until = p.getProperty("call.reverseUntil.method") != null ? Wiring.callPlan(p, "reverseUntil") : null;
        return new ReversiblePlan(className, groups, Boolean.parseBoolean(Wiring.get(p, "reversible.stops")), until);
    }

    /**
     * The update sequence over {@code dynamics}' state layout, each increment function a method of
     * {@code generated} (the class named {@link #className}) with its fixed arguments taken from {@code values}.
     */
    UpdateSequence sequence(Class<?> generated, CompiledDynamics dynamics, Map<String, Object> values,
                            Minibatches batches) {
        List<UpdateGroup> out = new ArrayList<>();
        for (Group g : groups) {
            out.add(new UpdateGroup(g.updates(), increments(g.increments(), generated, dynamics, values, batches), g.yieldsStop()));
        }
        IncrementFunction until = stopRule == null ? null : increments(stopRule, generated, dynamics, values, batches);
        int memory = dynamics.stateLayout().count() - (stops ? 1 : 0);
        return new UpdateSequence(dynamics.stateLayout(), memory, out, until, stops);
    }

    private static IncrementFunction increments(CallPlan plan, Class<?> generated, CompiledDynamics dynamics,
                                                Map<String, Object> values, Minibatches batches) {
        return new GeneratedIncrements(plan.handle(generated), plan.sources(values, batches), dynamics.stateLayout(),
                dynamics.hyperLayout());
    }

    /** {@code n/d} as written by the compiler (a bare integer is n/1). */
    private static Rational rational(String text) {
        int slash = text.indexOf('/');
        try {
            return slash < 0 ? Rational.of(Long.parseLong(text), 1)
                    : Rational.of(Long.parseLong(text.substring(0, slash)), Long.parseLong(text.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("solver description: gamma '" + text + "' is not a fraction n/d", e);
        }
    }
}
