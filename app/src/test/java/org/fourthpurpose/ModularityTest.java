package org.fourthpurpose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The features are Spring Modulith modules: each top-level package under {@code org.fourthpurpose}
 * is one, its top package is its API and its sub-packages are internal. This test fails when a
 * module reaches into another's internals or two modules depend on each other, and writes the
 * module diagram into {@code docs/modules}.
 */
class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(FourthPurposeApplication.class);

  @Test
  void modulesUseOnlyEachOthersApiAndHaveNoCycles() {
    MODULES.verify();
  }

  @Test
  void writesTheModuleDiagramIntoDocs() {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    assertThat(new java.io.File("../docs/modules/components.puml")).exists();
  }
}
