package org.fourthpurpose.maturity;

import static org.assertj.core.api.Assertions.assertThat;

import org.fourthpurpose.csv.CsvText;
import org.fourthpurpose.web.InvalidInputException;
import org.junit.jupiter.api.Test;

class BoardReportServiceTest {

  @Test
  void csvCellsAreQuotedWhenNeededAndFormulasAreDefused() {
    assertThat(csvCell("plain")).isEqualTo("plain");
    assertThat(csvCell("a, b")).isEqualTo("\"a, b\"");
    assertThat(csvCell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(csvCell("=1+1")).isEqualTo("'=1+1");
    assertThat(csvCell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(csvCell(null)).isEmpty();
  }

  @Test
  void pageErrorsLinkToTheFieldTheProblemNames() {
    assertThat(PageError.of(new InvalidInputException("inclusive-growth.level", "x", "m")).anchor())
        .isEqualTo("level-inclusive-growth");
    assertThat(PageError.of(new InvalidInputException("name", "", "m")).anchor()).isEqualTo("name");
  }

  @Test
  void levelsReadTheirCodesAndKnowTheNextLevel() {
    assertThat(MaturityLevel.fromCode("NOT_YET_EMERGING")).contains(MaturityLevel.NOT_YET_EMERGING);
    assertThat(MaturityLevel.fromCode("stellar")).isEmpty();
    assertThat(MaturityLevel.EMERGING.next()).contains(MaturityLevel.ESTABLISHED);
    assertThat(MaturityLevel.EXPANDING.next()).isEmpty();
  }

  /** One cell as the board report's CSV writes it. */
  private static String csvCell(String value) {
    return new CsvText().row(java.util.Collections.singletonList(value)).toString().strip();
  }
}
