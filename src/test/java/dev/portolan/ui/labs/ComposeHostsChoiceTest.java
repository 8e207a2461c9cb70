package dev.portolan.ui.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portolan.lab.ComposeReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each host count offered says where the services go, and only counts that leave no host empty are offered. */
class ComposeHostsChoiceTest {

    private static List<String> offered(String compose) {
        var read = ComposeReader.readText(compose, "compose.yaml", new ComposeReader.Options(null, Set.of(), Map.of()));
        return ComposeHostsChoice.choices(read).stream().map(ComposeHostsChoice.Choice::text).toList();
    }

    @Test
    void servicesThatTalkStayTogetherAndTheRestSpread() {
        assertEquals(List.of(
                "1 host: the 4 services reach each other by name, as in compose",
                "2 hosts: node1: web, api · node2: cache, mail",
                "3 hosts: node1: web, api · node2: cache · node3: mail"), offered("""
                services:
                  web: {image: busybox, depends_on: [api]}
                  api: {image: busybox}
                  cache: {image: busybox}
                  mail: {image: busybox}
                """));
    }

    @Test
    void aProjectWhoseServicesAllTalkHasNothingToChoose() {
        assertEquals(List.of("1 host: the 3 services reach each other by name, as in compose"), offered("""
                services:
                  web: {image: busybox, depends_on: [api]}
                  api: {image: busybox, environment: {DB_HOST: db}}
                  db: {image: busybox}
                """));
        assertEquals(List.of("1 host"), offered("services: {web: {image: busybox}}"));
    }

    @Test
    void aFileExportedWithItsHostsKeepsThem() {
        assertEquals(List.of("its own 2 hosts, as it was exported: front: web · back: db"), offered("""
                services:
                  web: {image: busybox, x-portolan-host: front}
                  db: {image: busybox, x-portolan-host: back}
                """));
    }
}
