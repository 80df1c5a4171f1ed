package org.fourthpurpose.statistics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class StatisticsArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.fourthpurpose.statistics", "org.fourthpurpose.csv");

  @Test
  void statisticsAreFreeOfSpringServletsAndJdbc() {
    noClasses()
        .that()
        .resideInAPackage("org.fourthpurpose.statistics")
        // package-info only declares the module for Spring Modulith.
        .and()
        .doNotHaveSimpleName("package-info")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "jakarta.servlet..", "java.sql..", "javax.sql..")
        .check(CLASSES);
  }

  @Test
  void theCsvPackageDependsOnNothingButTheJdk() {
    noClasses()
        .that()
        .resideInAPackage("org.fourthpurpose.csv")
        // package-info only declares the module for Spring Modulith.
        .and()
        .doNotHaveSimpleName("package-info")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("java..", "org.fourthpurpose.csv")
        .check(CLASSES);
  }
}
