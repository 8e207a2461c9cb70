package dev.portolan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture of DESIGN.md, checked in one place. Layers, lowest first:
 * app, engine → image, host, inventory → lab → operations → tour → ui, cli → Main.
 * A layer uses only the layers below it; data flows provider → engine → inventory → ui.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.portolan");
    }

    @Test
    void theLayersUseOnlyTheLayersBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("App").definedBy("dev.portolan.app..")
                .layer("Engine").definedBy("dev.portolan.engine..")
                .layer("Image").definedBy("dev.portolan.image..")
                .layer("Host").definedBy("dev.portolan.host..")
                .layer("Inventory").definedBy("dev.portolan.inventory..")
                .layer("Lab").definedBy("dev.portolan.lab..")
                .layer("Operations").definedBy("dev.portolan.operations..")
                .layer("Tour").definedBy("dev.portolan.tour..")
                .layer("Ui").definedBy("dev.portolan.ui..")
                .layer("Cli").definedBy("dev.portolan.cli..")
                .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("Ui").mayNotBeAccessedByAnyLayer()
                .whereLayer("Tour").mayOnlyBeAccessedByLayers("Ui", "Cli")
                .whereLayer("Operations").mayOnlyBeAccessedByLayers("Tour", "Ui", "Cli")
                .whereLayer("Lab").mayOnlyBeAccessedByLayers("Operations", "Tour", "Ui", "Cli")
                .whereLayer("Host").mayOnlyBeAccessedByLayers("Lab", "Operations", "Tour", "Ui", "Cli")
                .whereLayer("Inventory").mayOnlyBeAccessedByLayers("Operations", "Ui", "Cli")
                .whereLayer("Image").mayOnlyBeAccessedByLayers("Lab", "Operations", "Tour", "Ui", "Cli")
                .whereLayer("Engine").mayOnlyBeAccessedByLayers("Image", "Host", "Inventory", "Lab", "Operations", "Tour", "Ui", "Cli")
                .check(classes);
    }

    @Test
    void theWindowAndTheCommandLineNeverHoldAnEngineClient() {
        noClasses().that().resideInAnyPackage("dev.portolan.ui..", "dev.portolan.cli..", "dev.portolan.tour..")
                .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
                .because("the window, the command line and tours call the host layer's operations")
                .check(classes);
    }

    @Test
    void theCommandLineConnectsThroughTheHostLayer() {
        noClasses().that().resideInAPackage("dev.portolan.cli..")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.portolan.engine.EngineClients")
                .because("a command opens the local engine and other hosts through LocalEngine and HostOperations")
                .check(classes);
    }

    @Test
    void onlyTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackages("dev.portolan.ui..").and().doNotHaveSimpleName("Main")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
                .check(classes);
    }

    /** The diagrams' models and layouts: arithmetic and choices, testable without a toolkit. */
    private static final List<String> DIAGRAM_WITHOUT_JAVAFX = List.of("DiagramController", "DiagramLayout", "Layout",
            "LayoutChanges", "DiagramFilter", "PlannedLab", "HostSnapshot", "KeptOrder", "CardPlaces", "Rect", "Viewport", "LayerGraphLayout", "StackLayout");

    @Test
    void theDiagramsLayoutAndControllerUseNoJavaFx() {
        noClasses().that(DescribedPredicate.describe("the diagram's layout and controller", (JavaClass c) ->
                        List.of("dev.portolan.ui.diagram", "dev.portolan.ui.draw", "dev.portolan.ui.layers").contains(c.getPackageName())
                        && DIAGRAM_WITHOUT_JAVAFX.contains(c.getName().substring(c.getName().lastIndexOf('.') + 1).split("\\$")[0])))
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
    }

    @Test
    void imagesAreReadWithTheEngineAloneNeverWithHostsLabsOrInventory() {
        noClasses().that().resideInAPackage("dev.portolan.image..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.portolan.inventory..", "dev.portolan.host..",
                        "dev.portolan.lab..")
                .check(classes);
    }
}
