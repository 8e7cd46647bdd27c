package hyp.runtime.hyper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The outer loop's plan (steps per round, steps reached) and its dispatch by method. */
class TuningTest {
    private static final HypergradientMethod UNROLLED = new HypergradientMethod.Unrolled();

    @Test
    void roundsShareTheTrainStatementsStepsUnlessTheyAreGivenOrWhole() {
        Tuning shared = Tuning.of(UNROLLED, 10, 3, null, false);
        assertEquals(4, shared.stepsPerRound());   // ⌈10/3⌉
        assertEquals(12, shared.runSteps());       // warm-started rounds count on past T
        Tuning given = Tuning.of(UNROLLED, 10, 3, 2, false);
        assertEquals(2, given.stepsPerRound());
        assertEquals(10, given.runSteps());
        Tuning whole = Tuning.of(UNROLLED, 10, 3, null, true);
        assertEquals(10, whole.stepsPerRound());
        assertEquals(10, whole.runSteps());
        assertEquals(1, Tuning.of(UNROLLED, 0, 5, null, false).stepsPerRound());
    }

    @Test
    void greedyRoundsLowerTheValidationLossAndTheComplexStepDoesNotTune() {
        Dynamics d = StoreAllTest.heavyBall();
        Tuning tuning = Tuning.of(new HypergradientMethod.Binomial(null), 40, 4, null, false);
        TuningResult r = tuning.run(d, StoreAllTest.LAMBDA.clone(), new SgdUpdate(0.05), () -> {
            throw new AssertionError("the greedy loop needs no inner objective");
        }, null, () -> {
            throw new AssertionError("only reversible learning asks for its strategy");
        }, round -> {});
        assertEquals(4, r.rounds().size());
        double first = r.rounds().get(0).validationLoss(), last = r.rounds().get(3).validationLoss();
        assertTrue(last < first, first + " -> " + last);

        Tuning complex = Tuning.of(new HypergradientMethod.Complex(), 40, 4, null, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> complex.run(d, StoreAllTest.LAMBDA.clone(), new SgdUpdate(0.05), () -> null, null, () -> null, round -> {}));
        assertEquals("the complex step checks one hypergradient; it does not tune", e.getMessage());
    }
}
