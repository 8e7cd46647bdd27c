package hyp.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** HYP_THREADS: an integer from 1 to the pool's limit, anything else rejected with the value and the range. */
class ThreadsSettingTest {
    private static String expected(String value) {
        return "HYP_THREADS must be an integer from 1 to 32767 (the number of worker threads; unset means one per"
                + " available processor), got '" + value + "'";
    }

    @Test
    void outOfRangeAndNonNumbersAreRejectedWithTheValidRange() {
        for (String bad : new String[] {"0", "-3", "abc", "1000000", "2.5", "99999999999"}) {
            assertEquals(expected(bad), Parallel.environmentError(bad), bad);
        }
    }

    @Test
    void unsetBlankAndInRangeValuesAreAccepted() {
        for (String good : new String[] {null, "", "  ", "1", " 4 ", "32767"}) {
            assertNull(Parallel.environmentError(good), String.valueOf(good));
        }
    }

    @Test
    void setThreadsKeepsToTheSameRange() {
        assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(0));
        assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(32768));
    }
}
