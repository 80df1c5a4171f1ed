package org.fourthpurpose;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The few boundaries that matter, checked on every build. */
@AnalyzeClasses(
    packages = "org.fourthpurpose",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule duckDbStaysInsideItsEngine =
      noClasses()
          .that()
          .resideOutsideOfPackage("..analytics.duckdb..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.duckdb..")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule sparkNeverReachesTheWebApplication =
      noClasses().should().dependOnClassesThat().resideInAPackage("org.apache.spark..");

  @ArchTest
  static final ArchRule domainMethodsAreFreeOfWebAndDatabaseTypes =
      classes()
          .that()
          .haveSimpleNameEndingWith("Method")
          .or()
          .haveSimpleNameEndingWith("Interval")
          .should()
          .onlyDependOnClassesThat()
          .resideOutsideOfPackages(
              "org.springframework..", "jakarta.servlet..", "java.sql..", "javax.sql..");

  @ArchTest
  static final ArchRule deprivationSummariesDoNotReadGeographyTablesButItsApi =
      noClasses()
          .that()
          .resideInAPackage("..deprivation..")
          .should()
          .dependOnClassesThat()
          .haveSimpleName("GeographyDataset");

  @ArchTest
  static final ArchRule controllersAreNotPartOfAFeaturesApi =
      classes()
          .that()
          .areAnnotatedWith(org.springframework.stereotype.Controller.class)
          .or()
          .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
          .should()
          .notBePublic();
}
