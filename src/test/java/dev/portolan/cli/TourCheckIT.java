package dev.portolan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.app.UserDirectories;
import dev.portolan.engine.EndpointResolver;
import dev.portolan.host.Progress;
import dev.portolan.host.faults.FaultBook;
import dev.portolan.operations.ConnectedHosts;
import dev.portolan.operations.Faults;
import dev.portolan.operations.LocalEngine;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.TestEngine;
import dev.portolan.tour.ShippedTours;
import dev.portolan.tour.Tour;
import dev.portolan.tour.TourFile;
import dev.portolan.tour.TourRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `portolan tour check` on the real engine: every shipped tour passes end to end with the
 * local test images (each step's time printed, for the closing note's figures); a check
 * that does not hold fails the run naming its step and hint, exit 3; reset brings a step's
 * lab state back.
 */
class TourCheckIT extends EngineTest {

    private static final Pattern STEP = Pattern.compile("([✓✗]) (\\d+)\\. (.*) — ([\\d.]+) s");

    @Test
    void everyShippedTourPassesEndToEnd() {
        List<String> slow = new ArrayList<>();
        for (String name : ShippedTours.names()) {
            Cli run = Cli.run("tour", "check", "--host-image=" + TestEngine.DIND, name);
            System.out.println("tour check " + name + " → exit " + run.code() + "\n" + run.out() + run.err());
            assertEquals(0, run.code(), name + ":\n" + run.out() + run.err());
            assertTrue(run.out().contains("Every step of " + name + " passed"), run.out());
            assertTrue(run.out().contains("Destroyed the lab"), "a lab the run made is not left behind: " + run.out());
            Matcher steps = STEP.matcher(run.out());
            int count = 0;
            while (steps.find()) {
                count++;
                if (Double.parseDouble(steps.group(4)) > 3.0) slow.add(name + " step " + steps.group(2) + " " + steps.group(4) + " s");
            }
            assertEquals(ShippedTours.load(name).steps().size(), count, run.out());
            // what was run is said as it could be typed again, quotes and all
            if (name.equals("volumes")) assertTrue(run.out().contains("Ran `sh -c 'echo '\\''order 42'\\'' >> /data/orders'` in db"), run.out());
            // and what a check ran, too
            if (name.equals("load-balancing")) assertTrue(run.out().contains("`sh -c 'for i in 1 2 3; do wget -q -O- "
                    + "http://127.0.0.1/cgi-bin/lb; done | sort -u | grep -c served'` in lb exits 0"), run.out());
        }
        // a figure for the closing note, not an assertion: a busy CI machine may be slow
        System.out.println("steps over 3 s: " + (slow.isEmpty() ? "none" : slow));
    }

    @Test
    void aCheckThatDoesNotHoldFailsTheRunWithItsStepAndHintAndResetBringsTheLabBack(@TempDir Path dir) throws Exception {
        String lab = "trt" + UUID.randomUUID().toString().substring(0, 5);
        Files.writeString(dir.resolve("lab.yaml"), """
                name: %s
                hosts: [{name: n1}]
                containers:
                  - {name: app, image: busybox:1.36, restart: unless-stopped, command: [sh, -c, "trap 'exit 0' TERM; while true; do sleep 1; done"]}
                faults:
                  outage:
                    - stop: n1/app
                """.formatted(lab));
        Path tourFile = Files.writeString(dir.resolve("broken.tour.yaml"), """
                title: A tour whose second check cannot hold
                lab: lab.yaml
                steps:
                  - title: It runs
                    say: app runs.
                    check: {running: [app]}
                    hint: press R
                    within: 1s
                  - title: Break it
                    say: The lab's fault list outage stops app.
                    do: {fault: outage}
                    check: {stopped: [app]}
                    hint: the fault did not take
                  - title: Heal it
                    say: Healing the lab's faults starts app again.
                    do: {heal: true}
                    check: {running: [app]}
                    hint: the heal did not take
                  - title: Kill it
                    say: Kill app, then ask that it runs.
                    do: {kill: app}
                    check: {running: [app]}
                    hint: Start app again from the diagram.
                    within: 1s
                  - title: Never reached
                    say: The run stops at the first failed check.
                """);
        Cli run = Cli.run("tour", "check", "--keep", "--host-image=" + TestEngine.DIND, tourFile.toString());
        System.out.println(run.out() + run.err());
        try {
            assertEquals(3, run.code(), run.out() + run.err());
            assertTrue(run.out().contains("✓ 2. Break it") && run.out().contains("✓ 3. Heal it"), run.out());
            assertTrue(run.out().contains("Step 4 (Kill it) did not pass: app is running: stopped\n  Hint: Start app again from the diagram."),
                    run.out());
            assertFalse(run.out().contains("Never reached"), run.out());

            // reset: back to the lab as its file says, so the step can be done again
            Tour tour = TourFile.read(tourFile);
            try (LocalEngine local = LocalEngine.connect(EndpointResolver.forThisProcess(), UserDirectories.forThisUser().config());
                    ConnectedHosts hosts = new ConnectedHosts(local)) {
                Faults faults = new Faults(local, hosts, new FaultBook(UserDirectories.forThisUser().config()), Clock.systemUTC());
                TourRunner runner = new TourRunner(tour, local, local.labs(TestEngine.DIND), hosts, () -> faults);
                assertFalse(runner.check(0, () -> false).passed());
                runner.reset(3, Progress.NONE);
                assertTrue(runner.check(0, () -> false).passed());
                assertEquals("export DOCKER_CONTEXT=portolan-" + lab + "-n1\ndocker kill app", runner.commandFor(3));
                assertEquals("portolan fault on lab.yaml outage", runner.commandFor(1));
            }
        } finally {
            Cli.run("destroy", "--remove-volumes", dir.resolve("lab.yaml").toString());
        }
    }

    @Test
    void aTourThatIsNotThereOrHasMistakesIsRefusedBeforeAnythingIsMade(@TempDir Path dir) throws Exception {
        Cli missing = Cli.run("tour", "check", "no-such-tour");
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("There is no shipped tour named no-such-tour (`portolan tour ls` lists them: containers-vs-vms,"),
                missing.err());
        Path file = Files.writeString(dir.resolve("t.yaml"), "title: T\ntemplate: web-db.yaml\nsteps:\n  - title: A\n    say: x\n"
                + "    do: {stop: nosuch}\n");
        Cli wrong = Cli.run("tour", "check", file.toString());
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().startsWith("t.yaml:6:") && wrong.err().contains("no container nosuch"), wrong.err());
    }
}
