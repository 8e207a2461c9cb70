package dev.portolan.ui.labs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The lab files opened or saved lately, newest first, kept in {@code recent-labs.json}. */
public final class RecentLabs {

    private static final Logger LOG = LoggerFactory.getLogger(RecentLabs.class);
    private static final int KEEP = 10;

    private final Path file;
    private final ObservableList<Path> paths = FXCollections.observableArrayList();

    public RecentLabs(Path configDir) {
        this.file = configDir.resolve("recent-labs.json");
        if (Files.isRegularFile(file)) {
            try {
                List<String> read = new ObjectMapper().readValue(file.toFile(), new TypeReference<List<String>>() {});
                read.stream().map(Path::of).filter(Files::isRegularFile).forEach(paths::add);
            } catch (IOException e) {
                LOG.warn("{} could not be read; the list of recent labs starts empty", file, e);
            }
        }
    }

    /** Newest first; only files that still exist. */
    public ObservableList<Path> paths() {
        return paths;
    }

    void opened(Path lab) {
        Path absolute = lab.toAbsolutePath().normalize();
        paths.remove(absolute);
        paths.addFirst(absolute);
        if (paths.size() > KEEP) paths.remove(KEEP, paths.size());
        List<String> copy = new ArrayList<>(paths.stream().map(Path::toString).toList());
        try {
            Files.createDirectories(file.getParent());
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), copy);
        } catch (IOException e) {
            LOG.warn("{} could not be written; recent labs last until the app closes", file, e);
        }
    }
}
