package org.fourthpurpose.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.util.List;
import org.fourthpurpose.statistics.Improvement;
import org.fourthpurpose.statistics.PointType;
import org.fourthpurpose.statistics.SpcOptions;
import org.fourthpurpose.statistics.SpcPoint;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.UserProblem;
import org.junit.jupiter.api.Test;

/**
 * The SPC API's reading of its CSV body: facets, row order, and every refusal's line and column.
 */
class SpcTableTest {

  private static final SpcOptions INCREASE = SpcOptions.of(Improvement.INCREASE);

  private static SpcTable read(String csv) throws Exception {
    return SpcTable.read(new StringReader(csv), INCREASE);
  }

  private static UserProblem.Location refusal(String csv) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> read(csv));
    assertThat(e).as("refused: " + csv).isNotNull();
    return e.location();
  }

  private static String message(String csv) {
    return catchThrowableOfType(InvalidInputException.class, () -> read(csv)).getMessage();
  }

  @Test
  void chartsEachFacetSeparatelyAndKeepsTheRowsInTheirOrder() throws Exception {
    // Facet b is 20, 22, 21 (mean 21, moving ranges 2 and 1: limits 21 -/+ 3.99); facet a is 1
    // and 3 (mean 2, one moving range of 2: limits 2 -/+ 5.32). Rows interleaved and unsorted.
    SpcTable table =
        read(
            "Facet, X ,Y,note\n"
                + "b,2024-03-01,21,c\n"
                + "a,2024-02-01,3,\n"
                + "b,2024-01-01,20,\n"
                + "a,2024-01-01,1,\n"
                + "b,2024-02-01,22,\n");

    assertThat(table.facets().keySet()).containsExactly("b", "a");
    assertThat(table.facetOfRow()).containsExactly("b", "a", "b", "a", "b");
    List<SpcPoint> points = table.pointOfRow();
    assertThat(points).extracting(SpcPoint::y).containsExactly(21.0, 3.0, 20.0, 1.0, 22.0);
    assertThat(points.get(0).mean()).isEqualTo(21.0);
    assertThat(points.get(0).upl())
        .isCloseTo(21 + 2.66 * 1.5, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(points.get(1).lpl())
        .isCloseTo(2 - 2.66 * 2, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(points).extracting(SpcPoint::pointType).containsOnly(PointType.COMMON_CAUSE);
  }

  @Test
  void withoutAFacetColumnEveryRowIsOneSeries() throws Exception {
    SpcTable table = read("x,y\n2024-01-01,1\n2024-02-01,2\n\n");

    assertThat(table.facets()).containsOnlyKeys((String) null);
    assertThat(table.rows()).hasSize(2);
  }

  @Test
  void refusesAValueThatIsNotANumberAtItsLineAndColumn() {
    assertThat(refusal("facet,x,y\na,2024-01-01,1\na,2024-02-01,n/a\n"))
        .isEqualTo(new UserProblem.Location(null, 3L, 3));
    assertThat(message("x,y\n2024-01-01,1\n2024-02-01,\n"))
        .isEqualTo("line 3, column 2 (y): '' is not a number (the value is missing)");
  }

  @Test
  void refusesADateThatIsNotIsoAtItsLineAndColumn() {
    assertThat(refusal("y,x\n1,2024-01-01\n2,01/02/2024\n"))
        .isEqualTo(new UserProblem.Location(null, 3L, 2));
    assertThat(message("y,x\n1,2024-01-01\n2,01/02/2024\n"))
        .isEqualTo("line 3, column 2 (x): '01/02/2024' is not a date in the form YYYY-MM-DD");
  }

  @Test
  void refusesARepeatedDateWithinAFacetButNotAcrossFacets() throws Exception {
    String twice = "facet,x,y\na,2024-01-01,1\nb,2024-01-01,1\nb,2024-02-01,2\na,2024-01-01,3\n";
    assertThat(refusal(twice)).isEqualTo(new UserProblem.Location(null, 5L, 2));
    assertThat(message(twice))
        .isEqualTo(
            "line 5, column 2: the date 2024-01-01 appears twice for facet 'a' (first on line 2);"
                + " each facet needs one value per date");
    assertThat(
            read("facet,x,y\na,2024-01-01,1\nb,2024-01-01,1\nb,2024-02-01,2\na,2024-02-01,3\n")
                .facets())
        .hasSize(2);
  }

  @Test
  void refusesAFacetWithFewerThanTwoPoints() {
    String csv = "facet,x,y\na,2024-01-01,1\na,2024-02-01,2\nb,2024-01-01,5\n";
    assertThat(refusal(csv)).isEqualTo(new UserProblem.Location(null, 4L, 3));
    assertThat(message(csv))
        .isEqualTo("line 4, column 3: facet 'b' has only 1 point; an XmR chart needs at least 2");
    assertThat(refusal("x,y\n")).isEqualTo(new UserProblem.Location(null, 1L, null));
  }

  @Test
  void refusesAHeaderWithoutXOrYAndRowsOfTheWrongWidth() {
    assertThat(message("date,value\n2024-01-01,1\n"))
        .startsWith("line 1: the header row has no column 'x'");
    assertThat(refusal("x,y\n2024-01-01,1,9\n"))
        .isEqualTo(new UserProblem.Location(null, 2L, null));
    assertThat(message("")).startsWith("the request body is empty");
  }
}
