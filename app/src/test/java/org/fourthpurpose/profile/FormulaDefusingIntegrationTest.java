package org.fourthpurpose.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.peergroup.PeerGroup;
import org.fourthpurpose.peergroup.PeerGroups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A published group named like a spreadsheet formula reaches public downloads of other systems'
 * profiles; every one of them must show the name as text, never as a formula.
 */
@ApplicationTest
class FormulaDefusingIntegrationTest {

  private static final String NAME = "=HYPERLINK(\"http://evil.example\",\"Click\")";

  @Autowired MockMvc mvc;
  @Autowired PeerGroups peers;
  @Autowired Geography geography;

  private String download(String url) throws Exception {
    return mvc.perform(get(url))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void aGroupNamedLikeAFormulaIsDefusedInEveryDownloadThatNamesIt() throws Exception {
    List<String> members = geography.icbs().stream().limit(4).map(i -> i.code()).toList();
    PeerGroup group =
        peers.create(members.get(0), NAME, PeerGroup.Kind.GEOGRAPHIC, null, null, true, members);
    String member = geography.icb(members.get(1)).orElseThrow().odsCode();
    String comparator = "?comparator=group-" + group.id();

    for (String url :
        List.of(
            "/groups/" + group.id() + ".csv",
            "/ics/" + member + "/profile.csv" + comparator,
            "/ics/" + member + "/profile/trends.csv" + comparator,
            "/api/v1/icbs/" + member + "/profile.csv" + comparator)) {
      String csv = download(url);
      assertThat(csv)
          .as(url)
          .contains("'=HYPERLINK")
          .doesNotContainPattern("(?m)(^|,)\"?=HYPERLINK");
    }

    byte[] workbook =
        mvc.perform(get("/ics/" + member + "/profile.xlsx" + comparator))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(workbook))) {
      List<Row> summary = book.getSheets().toList().get(1).read();
      assertThat(summary.get(0).getCellText(0)).contains(NAME).doesNotStartWith("=");
      List<Row> profile = book.getFirstSheet().read();
      assertThat(profile)
          .allSatisfy(
              row ->
                  row.stream()
                      .filter(c -> c != null && c.getText() != null)
                      .forEach(c -> assertThat(c.getText()).doesNotStartWith("=")));
    }
  }
}
