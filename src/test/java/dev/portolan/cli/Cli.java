package dev.portolan.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** `portolan ARGS` run in this JVM: its exit code and what it printed. */
record Cli(int code, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LabCommands.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Cli(code, out.toString(), err.toString());
    }
}
