package dev.portolan.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A baseline script of docker CLI commands under src/test/bench, run and timed: its milliseconds, or why it failed. */
final class ByHand {

    private ByHand() {}

    /** The scripts' TLS certificates under {@code home}/script-certs, made beforehand as a person would keep them. */
    static java.nio.file.Path certificates(java.nio.file.Path home) throws Exception {
        java.nio.file.Path certs = home.resolve("script-certs");
        var ca = dev.portolan.host.tls.CertificateAuthority.loadOrCreate(certs.resolve("ca"), "script");
        ca.issueServer(certs.resolve("server"), "host", List.of("127.0.0.1", "localhost"));
        ca.issueClient(certs.resolve("client"), "script");
        return certs;
    }

    static double run(String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "src/test/bench/" + script));
        command.addAll(List.of(args));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(script + " failed: " + output);
        }
        return (System.nanoTime() - start) / 1e6;
    }
}
