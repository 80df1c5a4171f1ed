package org.fourthpurpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.modularity.ExampleApplication;
import java.io.File;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * The features are Spring Modulith modules: each top-level package under {@code org.fourthpurpose}
 * is one, its top package is its API and its sub-packages are internal, and each {@code
 * package-info.java} says which modules it may use. This test fails when a module reaches into
 * another's internals, uses a module it did not declare, or two modules depend on each other; and
 * it writes the module diagram into {@code docs/modules}.
 */
class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(FourthPurposeApplication.class);

  @Test
  void modulesUseOnlyEachOthersApiAndHaveNoCycles() {
    MODULES.verify();
  }

  @Test
  void aReachIntoAnotherModulesInternalsFailsTheCheck() {
    // The example lives among the test classes, which Modulith leaves out unless asked.
    ApplicationModules example = ApplicationModules.of(ExampleApplication.class, location -> true);

    assertThatThrownBy(example::verify)
        .isInstanceOf(Violations.class)
        .hasMessageContaining("Invoices")
        .hasMessageContaining("OrderStore")
        .hasMessageContaining("non-exposed type");
  }

  @Test
  void writesTheModuleDiagramIntoDocs() {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    assertThat(new File("../docs/modules/components.puml")).exists();
  }
}
