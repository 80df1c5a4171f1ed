package org.fourthpurpose.maturity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.fourthpurpose.web.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class FrameworkDefinitionTest {

  static String shipped() throws Exception {
    return new ClassPathResource(FrameworkCatalogue.SHIPPED)
        .getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void theShippedFrameworkHasFourDomainsAndTwelveAreasEachWithThreeLevels() throws Exception {
    FrameworkDefinition framework = FrameworkDefinition.parse(shipped());
    assertThat(framework.domains())
        .extracting(FrameworkDefinition.DomainDefinition::id)
        .containsExactly(
            "strategy-and-policy",
            "relationships",
            "operations-and-delivery",
            "research-and-innovation");
    assertThat(framework.domains().stream().mapToInt(d -> d.areas().size()).sum()).isEqualTo(12);
    framework.domains().stream()
        .flatMap(d -> d.areas().stream())
        .forEach(
            a ->
                assertThat(a.levels())
                    .extracting(FrameworkDefinition.LevelDefinition::level)
                    .containsExactly("emerging", "established", "expanding"));
    assertThat(framework.source().author()).isEqualTo("Cathy Elliott");
    assertThat(framework.source().year()).isEqualTo(2022);
  }

  @Test
  void rejectsALevelOutsideTheThreeAndNamesTheJsonPath() throws Exception {
    String broken =
        shipped()
            .replaceFirst(
                "\"level\": \"expanding\", \"descriptor\"",
                "\"level\": \"exploding\", \"descriptor\"");
    assertThatThrownBy(() -> FrameworkDefinition.parse(broken))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("emerging, established or expanding")
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("domains[0].areas[0].levels[2].level");
  }

  @Test
  void rejectsADuplicateAreaIdAndSyntaxErrorsWithLineAndColumn() throws Exception {
    String duplicate =
        shipped()
            .replace(
                "\"id\": \"quality-local-employment\"",
                "\"id\": \"economic-development-and-recovery\"");
    assertThatThrownBy(() -> FrameworkDefinition.parse(duplicate))
        .hasMessageContaining("used twice");
    assertThatThrownBy(() -> FrameworkDefinition.parse("{\n  \"version\": ,"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("line 2");
  }
}
