package hyp.runtime.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.runtime.exact.Rational;
import hyp.runtime.reverse.Update;
import java.io.StringReader;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Reading the reversible part of a solver description: exact γ, names from the state, and what is malformed. */
class ReversiblePlanTest {
    private static final List<String> STATE = List.of("w", "m", "v", "stopped");

    private static Properties adam(String gammas) throws Exception {
        Properties p = new Properties();
        p.load(new StringReader("""
                reversible.class=hyp.generated.ModelReversible
                reversible.stops=true
                reversible.groups=2
                reversible.group.0.targets=0
                reversible.group.0.gammas=1/1
                reversible.group.0.signs=-1
                reversible.group.0.implicit=false
                reversible.group.0.stop=false
                reversible.group.1.targets=1,2
                reversible.group.1.gammas=%s
                reversible.group.1.signs=1,1
                reversible.group.1.implicit=false,false
                reversible.group.1.stop=true
                """.formatted(gammas)));
        for (int g = 0; g < 2; g++) {
            String k = "call.reverseGroup" + g + ".";
            p.setProperty(k + "method", "adam_reverse_group" + g);
            p.setProperty(k + "arguments", "state:0,state:1,state:2,step,hyper:0,fixed:X");
            p.setProperty(k + "primal", g == 0 ? "1" : "3");
            p.setProperty(k + "cotangents", "");
        }
        return p;
    }

    @Test
    void theUpdatesCarryTheirExactFactorsAndTheirStateNames() throws Exception {
        ReversiblePlan plan = ReversiblePlan.read(adam("9/10,999/1000"), STATE);
        assertEquals("hyp.generated.ModelReversible", plan.className());
        assertTrue(plan.stops());
        assertNull(plan.stopRule(), "the last group computes the until rule");
        Update w = plan.groups().get(0).updates().get(0), v = plan.groups().get(1).updates().get(1);
        assertEquals(new Update(0, "w", Rational.of(1, 1), -1, false), w);
        assertFalse(w.scales());
        assertEquals(new Update(2, "v", Rational.of(999, 1000), 1, false), v);
        // log2(1000/999): the buffer growth the CLI predicts for Adam's v
        assertEquals(Math.log(1000.0 / 999.0) / Math.log(2), v.bitsPerStep(), 1e-13);
        assertTrue(plan.groups().get(1).yieldsStop());
        assertEquals(List.of("state:0", "state:1", "state:2", "step", "hyper:0", "fixed:X"),
                plan.groups().get(1).increments().arguments());
    }

    @Test
    void aDescriptionWithoutTheReversibleKeysHasNoPlan() {
        assertNull(ReversiblePlan.read(new Properties(), STATE));
    }

    @Test
    void malformedListsAndFactorsAreNamed() throws Exception {
        IllegalArgumentException counts = assertThrows(IllegalArgumentException.class,
                () -> ReversiblePlan.read(adam("9/10"), STATE));
        assertTrue(counts.getMessage().contains("group 1") && counts.getMessage().contains("1 gammas"), counts.getMessage());
        IllegalArgumentException gamma = assertThrows(IllegalArgumentException.class,
                () -> ReversiblePlan.read(adam("0.9,999/1000"), STATE));
        assertTrue(gamma.getMessage().contains("'0.9'"), gamma.getMessage());
    }
}
