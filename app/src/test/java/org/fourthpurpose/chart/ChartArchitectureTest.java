package org.fourthpurpose.chart;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ChartArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.fourthpurpose.chart");

  /** Features map their domain objects into the kit's records, never the other way round. */
  @Test
  void theChartKitDependsOnNoFeatureAndNoWebFramework() {
    noClasses()
        .that()
        .resideInAPackage("org.fourthpurpose.chart..")
        // package-info only declares the module for Spring Modulith.
        .and()
        .doNotHaveSimpleName("package-info")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("java..", "org.fourthpurpose.chart..", "tools.jackson..")
        .check(CLASSES);
  }
}
