package dev.portolan.ui.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import dev.portolan.engine.EndpointResolver;
import dev.portolan.inventory.Finding;
import dev.portolan.testing.Eventually;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.TestEngine;
import dev.portolan.testing.WindowTest;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * Findings from the window on the real engine: a port clash, a port another program holds, a
 * restart loop, a port published on every address, a container only on the default bridge,
 * an unused volume, a dangling image — each listed with its fix; the volume's removal applied
 * only after it is confirmed, and the volume then gone from the engine.
 */
class FindingsWindowIT extends WindowTest {

    private static String create(String name, HostConfig config, String... command) {
        return engine.docker().createContainerCmd(TestEngine.BUSYBOX).withName(name).withLabels(Map.of(TestEngine.LABEL, "true"))
                .withExposedPorts(ExposedPort.tcp(80)).withHostConfig(config).withCmd(command).withStopTimeout(1).exec().getId();
    }

    private static HostConfig publish(String ip, int port) {
        Ports ports = new Ports();
        ports.bind(ExposedPort.tcp(80), ip == null ? Ports.Binding.bindPort(port) : Ports.Binding.bindIpAndPort(ip, port));
        return HostConfig.newHostConfig().withPortBindings(ports);
    }

    @Test
    void eachFindingIsListedWithItsFixAndAVolumeIsRemovedOnlyWhenConfirmed() throws Exception {
        int clash = TestEngine.freePort();
        int held = TestEngine.freePort();
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress(held)); // "another program on this computer"
            String sleeper = "trap 'exit 0' TERM; sleep 3600 & wait";
            String open = TestEngine.uniqueName("open");
            engine.docker().startContainerCmd(create(open, publish(null, clash), "sh", "-c", sleeper)).exec();
            // open's neighbour on the default bridge: alone there, open would have no one to look up
            String neighbour = TestEngine.uniqueName("neighbour");
            engine.docker().startContainerCmd(create(neighbour, HostConfig.newHostConfig(), "sh", "-c", sleeper)).exec();
            String second = TestEngine.uniqueName("second");
            create(second, publish("127.0.0.1", clash), "sh", "-c", sleeper);
            String blocked = TestEngine.uniqueName("blocked");
            create(blocked, publish("127.0.0.1", held), "sh", "-c", sleeper);
            String looping = TestEngine.uniqueName("looping");
            engine.docker().startContainerCmd(create(looping, HostConfig.newHostConfig().withRestartPolicy(RestartPolicy.alwaysRestart()),
                    "sh", "-c", "exit 1")).exec();
            String volume = TestEngine.uniqueName("leftover");
            engine.docker().createVolumeCmd().withName(volume).withLabels(Map.of(TestEngine.LABEL, "true")).exec();
            // a dangling image: a commit without a name
            String image = engine.docker().commitCmd(engine.docker().inspectContainerCmd(blocked).exec().getId())
                    .withLabels(Map.of(TestEngine.LABEL, "true")).exec();

            open(EndpointResolver.forThisProcess());
            waitFor("the loop is seen", Duration.ofSeconds(20), () -> window.hosts().getFirst().troublesProperty().get().values().stream()
                    .anyMatch(t -> t.stream().anyMatch(x -> x.kind() == dev.portolan.inventory.Trouble.Kind.RESTART_LOOP)));
            waitFor("the volume and the image are known", Duration.ofSeconds(10), () -> {
                var inventory = window.hosts().getFirst().inventory();
                return inventory.volumes().containsKey(volume) && inventory.images().containsKey(image);
            });
            robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.I)
                    .release(javafx.scene.input.KeyCode.I, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.CONTROL);
            waitFor("the findings are listed", Duration.ofSeconds(10), () -> exists("#findings-table")
                    && text("#findings-said").contains("finding"));
            TableView<Finding> table = FxThread.get(() -> robot.lookup("#findings-table").queryTableView());
            List<Finding> found = FxThread.get(() -> List.copyOf(table.getItems()));
            String shortImage = image.replace("sha256:", "").substring(0, 12);
            assertHas(found, Finding.Kind.PORT_CLASH, open + ", " + second);
            assertHas(found, Finding.Kind.PORT_TAKEN, blocked);
            assertHas(found, Finding.Kind.RESTART_LOOP, looping);
            assertHas(found, Finding.Kind.PUBLISHED_ON_ALL_ADDRESSES, open);
            assertHas(found, Finding.Kind.DEFAULT_BRIDGE_ONLY, open);
            assertHas(found, Finding.Kind.DEFAULT_BRIDGE_ONLY, neighbour);
            assertHas(found, Finding.Kind.UNUSED_VOLUME, volume);
            assertHas(found, Finding.Kind.DANGLING_IMAGE, shortImage);

            // the volume: its fix is shown first, applied only once confirmed
            Finding leftover = found.stream().filter(f -> f.subject().equals(volume)).findFirst().orElseThrow();
            FxThread.run(() -> table.getSelectionModel().select(leftover));
            assertTrue(text("#finding-fix").startsWith("Fix: Remove volume " + volume), text("#finding-fix"));
            click("#finding-apply");
            click("Cancel");
            Thread.sleep(300);
            engine.docker().inspectVolumeCmd(volume).exec(); // still there
            click("#finding-apply");
            click("Remove");
            Eventually.within(Duration.ofSeconds(10), "the volume is removed", () -> {
                try {
                    engine.docker().inspectVolumeCmd(volume).exec();
                    return false;
                } catch (NotFoundException gone) {
                    return true;
                }
            });
            waitFor("its finding is gone from the list", Duration.ofSeconds(5), () -> table.getItems().stream()
                    .noneMatch(f -> f.subject().equals(volume)));
            assertTrue(text("#findings-said").startsWith("Done: Remove volume"), text("#findings-said"));
        } finally {
            engine.docker().listImagesCmd().withLabelFilter(Map.of(TestEngine.LABEL, "true")).exec()
                    .forEach(i -> engine.docker().removeImageCmd(i.getId()).withForce(true).exec());
        }
    }

    private static void assertHas(List<Finding> found, Finding.Kind kind, String subject) {
        assertTrue(found.stream().anyMatch(f -> f.kind() == kind && f.subject().equals(subject)),
                kind + " " + subject + " in " + found.stream().map(f -> f.kind() + " " + f.subject()).toList());
    }
}
