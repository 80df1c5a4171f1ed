package org.fourthpurpose.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

  @Test
  void readsEachAcceptedFormWithTheDateItStarts() {
    assertThat(Period.parse("2023")).isEqualTo(new Period("2023", LocalDate.of(2023, 1, 1)));
    assertThat(Period.parse("2023/24")).isEqualTo(new Period("2023/24", LocalDate.of(2023, 4, 1)));
    assertThat(Period.parse("2023-04")).isEqualTo(new Period("2023-04", LocalDate.of(2023, 4, 1)));
    assertThat(Period.parse("2023-Q3")).isEqualTo(new Period("2023-Q3", LocalDate.of(2023, 7, 1)));
    assertThat(Period.parse("2021-2023").start()).isEqualTo(LocalDate.of(2021, 1, 1));
    assertThat(Period.parse("2019/20-2021/22").start()).isEqualTo(LocalDate.of(2019, 4, 1));
  }

  @Test
  void rejectsTextThatIsNotAPeriod() {
    assertThat(Period.parse("24/25")).isNull();
    assertThat(Period.parse("2023/25")).isNull();
    assertThat(Period.parse("2023-13")).isNull();
    assertThat(Period.parse("2023-2023")).isNull();
    assertThat(Period.parse("April 2023")).isNull();
    assertThat(Period.parse("")).isNull();
  }

  @Test
  void convertsOnsIntervalsToCalendarFinancialAndPooledYears() {
    assertThat(Period.fromIsoInterval("2023-01-01/P1Y").label()).isEqualTo("2023");
    assertThat(Period.fromIsoInterval("2021-09-01/P1Y").label()).isEqualTo("2021/22");
    assertThat(Period.fromIsoInterval("2020-01-01/P3Y").label()).isEqualTo("2020-2022");
    assertThat(Period.fromIsoInterval("2025-04-30").label()).isEqualTo("2025");
  }
}
