package dev.portolan.host.faults;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The faults in force, in one file the window and every `portolan` command share: a fault
 * one makes, another lists and heals. Each change holds a file lock, so two processes
 * never lose each other's faults; the file is replaced whole, never left half written.
 */
public final class FaultBook {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final TypeReference<List<Fault>> LIST = new TypeReference<>() {};

    private final Path file;

    public FaultBook(Path configDir) {
        this.file = configDir.resolve("faults.json");
    }

    public Path file() {
        return file;
    }

    /** The faults in force, oldest first. */
    public List<Fault> list() {
        return locked(faults -> faults);
    }

    public void add(Fault fault) {
        locked(faults -> {
            List<Fault> next = new ArrayList<>(faults);
            next.add(fault);
            return next;
        });
    }

    public void remove(String id) {
        locked(faults -> faults.stream().filter(f -> !f.id().equals(id)).toList());
    }

    /** Applies {@code change} to the list under the lock; returns the list it leaves. */
    private List<Fault> locked(UnaryOperator<List<Fault>> change) {
        // a file lock is per process: threads of this one queue here first
        synchronized (FaultBook.class) {
            return lockedFile(change);
        }
    }

    private List<Fault> lockedFile(UnaryOperator<List<Fault>> change) {
        try {
            Files.createDirectories(file.getParent());
            Path lockFile = file.resolveSibling("faults.lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                List<Fault> before = read();
                List<Fault> after = change.apply(before);
                if (after != before) write(after);
                return after;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the list of faults in force, " + file, e);
        }
    }

    private List<Fault> read() throws IOException {
        if (!Files.exists(file)) return List.of();
        return List.copyOf(JSON.readValue(file.toFile(), LIST));
    }

    private void write(List<Fault> faults) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        JSON.writerFor(LIST).writeValue(partial.toFile(), faults);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
