package dev.portolan.ui.hosts;

import dev.portolan.engine.DockerContexts;
import dev.portolan.engine.EndpointException;
import dev.portolan.engine.EngineEndpoint;
import dev.portolan.ui.forms.Form;
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
import javafx.stage.Window;

/** "Add an existing engine": a docker context, a tcp+TLS address with its certificates, an ssh address, or a unix socket. */
final class AddEndpointDialog {

    static final String CONTEXT = EndpointForm.CONTEXT, TLS = EndpointForm.TLS, SSH = EndpointForm.SSH, SOCKET = EndpointForm.SOCKET;

    private AddEndpointDialog() {}

    static Optional<EngineEndpoint> ask(Window owner, DockerContexts contexts, dev.portolan.ui.DialogService dialogs) {
        ChoiceBox<String> kind = new ChoiceBox<>();
        kind.getItems().setAll(CONTEXT, TLS, SSH, SOCKET);
        kind.setId("endpoint-kind");
        TextField name = new TextField();
        name.setId("endpoint-name");
        ComboBox<String> context = new ComboBox<>();
        context.getItems().setAll(contexts.names());
        context.setId("endpoint-context");
        TextField address = new TextField();
        address.setPromptText("tcp://127.0.0.1:2376, ssh://deploy@server or unix:///var/run/docker.sock");
        address.setId("endpoint-address");
        TextField certificates = new TextField();
        certificates.setPromptText("folder with ca.pem, cert.pem, key.pem");
        certificates.setId("endpoint-certificates");
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            dialogs.chooseFolder(owner, "The folder with ca.pem, cert.pem and key.pem")
                    .ifPresent(dir -> certificates.setText(dir.toString()));
        });
        Label problem = Form.problemsLabel("endpoint-problem", 460);

        GridPane form = Form.grid(10, 8);
        form.addRow(0, new Label("Kind"), kind);
        form.addRow(1, new Label("Name"), name);
        form.addRow(2, new Label("Context"), context);
        form.addRow(3, new Label("Address"), address);
        form.addRow(4, new Label("Certificates"), new HBox(6, certificates, browse));
        form.add(problem, 0, 5, 2, 1);

        Dialog<EngineEndpoint> dialog = new Dialog<>();
        if (owner != null) dialog.initOwner(owner);
        dialog.setTitle("Add an existing engine");
        dialog.setHeaderText("Add an existing Docker engine"); // with a header the theme pads the form on all sides
        dialog.getDialogPane().setContent(form);
        ButtonType add = new ButtonType("Add", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(add, ButtonType.CANCEL);
        var addButton = dialog.getDialogPane().lookupButton(add);
        addButton.setId("endpoint-add");
        java.util.function.Supplier<EndpointForm> typed = () -> new EndpointForm(kind.getValue(), name.getText(),
                context.getValue(), address.getText(), certificates.getText());
        kind.valueProperty().addListener((obs, old, now) -> {
            context.setDisable(!CONTEXT.equals(now));
            address.setDisable(CONTEXT.equals(now));
            certificates.setDisable(!TLS.equals(now));
            browse.setDisable(!TLS.equals(now));
        });
        context.valueProperty().addListener((obs, old, now) -> {
            if (now != null && name.getText().isBlank()) name.setText(now);
        });
        kind.setValue(contexts.names().isEmpty() ? TLS : CONTEXT);
        Form.check(problem, addButton, () -> typed.get().problems(), kind.valueProperty(), context.valueProperty(),
                name.textProperty(), address.textProperty(), certificates.textProperty())
                .onConfirm(() -> {
                    try {
                        typed.get().resolve(contexts);
                        return null;
                    } catch (EndpointException e) {
                        return e.getMessage();
                    }
                });
        dialog.setResultConverter(button -> button != add ? null : typed.get().resolve(contexts));
        return dialog.showAndWait();
    }
}
