package dev.portolan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The architecture of DESIGN.md, checked: data flows provider → engine → inventory → ui. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.portolan");
    }

    @Test
    void onlyTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackages("dev.portolan.ui..").and().doNotHaveSimpleName("Main")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
                .check(classes);
    }

    @Test
    void nothingBelowTheUiUsesTheUi() {
        noClasses().that().resideOutsideOfPackages("dev.portolan.ui..").and().doNotHaveSimpleName("Main")
                .should().dependOnClassesThat().resideInAPackage("dev.portolan.ui..").check(classes);
    }

    @Test
    void theCommandLineNeverUsesTheUi() {
        noClasses().that().resideInAPackage("dev.portolan.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.portolan.ui..").check(classes);
    }

    @Test
    void theEngineLayerKnowsNothingOfInventoryOrHosts() {
        noClasses().that().resideInAPackage("dev.portolan.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.portolan.inventory..", "dev.portolan.host..")
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
