package dev.portolan.ui.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An apply's list: steps done with their times first, the plan's steps to come after them. */
class ApplyProgressTest {

    @Test
    void planStepsAreTickedOffAsTheyAreReportedAndWhatIsLeftStaysInView() {
        ApplyProgress apply = new ApplyProgress(List.of("n1: create simulated host n1", "n1: create container web",
                "n1: create container web-2"));
        assertEquals(List.of(ApplyProgress.PENDING + "n1: create simulated host n1", ApplyProgress.PENDING + "n1: create container web",
                ApplyProgress.PENDING + "n1: create container web-2"), apply.rows(), "from the first second, the whole plan");

        apply.step("n1: create simulated host n1 (5.0 s)", 5.1);
        apply.step("waiting until web is healthy", 5.2);
        apply.step("n1: create container web-2 (0.9 s)", 6.0);
        assertEquals(List.of("  5.1 s  n1: create simulated host n1 (5.0 s)", "  5.2 s  waiting until web is healthy",
                "  6.0 s  n1: create container web-2 (0.9 s)", ApplyProgress.PENDING + "n1: create container web"), apply.rows());
        assertEquals(3, apply.doneCount());
        assertEquals("Applying: 2 of 3 planned steps done…", apply.summary());
        assertEquals(List.of("n1: create container web"), apply.pending(), "a failure here leaves web to do: not web-2");

        apply.finish();
        assertEquals(3, apply.rows().size(), "once applied, nothing is shown as to come");
    }
}
