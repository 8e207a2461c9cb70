package dev.portolan.testing;

import dev.portolan.ui.DialogService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import javafx.stage.Window;

/** The file dialogs as a test answers them: the next answers queued, and the titles asked, in order. */
public final class TestDialogs implements DialogService {

    private final Deque<Path> answers = new ConcurrentLinkedDeque<>();
    private final List<String> asked = java.util.Collections.synchronizedList(new ArrayList<>());

    /** The next dialog, of any kind, answers {@code path}. */
    public void answer(Path path) {
        answers.add(path);
    }

    public List<String> asked() {
        return List.copyOf(asked);
    }

    private Optional<Path> next(String title) {
        asked.add(title);
        return Optional.ofNullable(answers.poll());
    }

    @Override
    public Optional<Path> openFile(Window owner, String title, String kind, String... patterns) {
        return next(title);
    }

    @Override
    public Optional<Path> saveFile(Window owner, String title, String initialName, String kind, String... patterns) {
        return next(title);
    }

    @Override
    public Optional<Path> chooseFolder(Window owner, String title) {
        return next(title);
    }
}
