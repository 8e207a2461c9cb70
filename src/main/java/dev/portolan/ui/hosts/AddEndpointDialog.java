package dev.portolan.ui.hosts;

import dev.portolan.engine.DockerContexts;
import dev.portolan.engine.EndpointException;
import dev.portolan.engine.EndpointResolver;
import dev.portolan.engine.EngineEndpoint;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** "Add an existing engine": a docker context, a tcp+TLS address with its certificates, or a unix socket. */
final class AddEndpointDialog {

    static final String CONTEXT = "docker context", TLS = "tcp + TLS", SOCKET = "unix socket";

    private AddEndpointDialog() {}

    static Optional<EngineEndpoint> ask(Window owner, DockerContexts contexts) {
        ChoiceBox<String> kind = new ChoiceBox<>();
        kind.getItems().setAll(CONTEXT, TLS, SOCKET);
        kind.setId("endpoint-kind");
        TextField name = new TextField();
        name.setId("endpoint-name");
        ComboBox<String> context = new ComboBox<>();
        context.getItems().setAll(contexts.names());
        context.setId("endpoint-context");
        TextField address = new TextField();
        address.setPromptText("tcp://127.0.0.1:2376 or unix:///var/run/docker.sock");
        address.setId("endpoint-address");
        TextField certificates = new TextField();
        certificates.setPromptText("folder with ca.pem, cert.pem, key.pem");
        certificates.setId("endpoint-certificates");
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            var dir = new DirectoryChooser().showDialog(owner);
            if (dir != null) certificates.setText(dir.getPath());
        });
        Label problem = new Label();
        problem.setId("endpoint-problem");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.setMaxWidth(460);

        GridPane form = new GridPane(10, 8);
        form.addRow(0, new Label("Kind"), kind);
        form.addRow(1, new Label("Name"), name);
        form.addRow(2, new Label("Context"), context);
        form.addRow(3, new Label("Address"), address);
        form.addRow(4, new Label("Certificates"), new HBox(6, certificates, browse));
        form.add(problem, 0, 5, 2, 1);

        Dialog<EngineEndpoint> dialog = new Dialog<>();
        if (owner != null) dialog.initOwner(owner);
        dialog.setTitle("Add an existing engine");
        dialog.getDialogPane().setContent(form);
        ButtonType add = new ButtonType("Add", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(add, ButtonType.CANCEL);
        var addButton = dialog.getDialogPane().lookupButton(add);
        addButton.setId("endpoint-add");
        Runnable validate = () -> {
            String kindNow = kind.getValue();
            context.setDisable(!CONTEXT.equals(kindNow));
            address.setDisable(CONTEXT.equals(kindNow));
            certificates.setDisable(!TLS.equals(kindNow));
            browse.setDisable(!TLS.equals(kindNow));
            String text = "";
            try {
                endpoint(contexts, kindNow, name.getText(), context.getValue(), address.getText(), certificates.getText());
            } catch (EndpointException e) {
                text = e.getMessage();
            }
            problem.setText(text);
            addButton.setDisable(!text.isEmpty());
        };
        kind.valueProperty().addListener((obs, old, now) -> validate.run());
        context.valueProperty().addListener((obs, old, now) -> {
            if (now != null && name.getText().isBlank()) name.setText(now);
            validate.run();
        });
        for (TextField field : List.of(name, address, certificates)) {
            field.textProperty().addListener((obs, old, now) -> validate.run());
        }
        kind.setValue(contexts.names().isEmpty() ? TLS : CONTEXT);
        dialog.setResultConverter(button -> button != add ? null : endpoint(contexts, kind.getValue(), name.getText(),
                context.getValue(), address.getText(), certificates.getText()));
        return dialog.showAndWait();
    }

    /** The endpoint the fields describe; throws with a message naming what to fix. */
    static EngineEndpoint endpoint(DockerContexts contexts, String kind, String name, String context, String address,
            String certificates) {
        if (name == null || name.isBlank()) throw new EndpointException("Name: give the engine a name, such as staging.");
        String label = name.strip();
        return switch (kind) {
            case CONTEXT -> {
                if (context == null) throw new EndpointException("Context: choose one of the docker contexts.");
                EngineEndpoint found = contexts.read(context);
                yield new EngineEndpoint(label, found.host(), found.tlsDir(), "docker context " + context);
            }
            case TLS -> {
                URI host = EndpointResolver.parseHost(address.strip(), "The address");
                if (!host.getScheme().equals("tcp")) throw new EndpointException("The address: a TLS engine needs tcp://HOST:PORT.");
                if (certificates == null || certificates.isBlank()) {
                    throw new EndpointException("Certificates: choose the folder with ca.pem, cert.pem and key.pem.");
                }
                Path dir = Path.of(certificates.strip());
                EndpointResolver.requireCertificates(dir, "The certificate folder");
                yield new EngineEndpoint(label, host, dir, "tcp + TLS");
            }
            default -> {
                String path = address.strip().startsWith("unix://") ? address.strip() : "unix://" + address.strip();
                URI host = EndpointResolver.parseHost(path, "The socket");
                if (!java.nio.file.Files.exists(Path.of(host.getPath()))) {
                    throw new EndpointException("The socket " + host.getPath() + " does not exist. Is that engine running?");
                }
                yield new EngineEndpoint(label, host, null, "unix socket");
            }
        };
    }
}
