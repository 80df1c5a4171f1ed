package org.fourthpurpose.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Until the LSOA boundaries have loaded once after a first start, placing a point and analysing
 * spend answer 503 "still loading" rather than count every position as unplaced.
 */
@org.fourthpurpose.ApplicationTest
class LsoaBoundariesStillLoadingIntegrationTest {

  private static final String BIRMINGHAM = "E54000055";

  @Autowired MockMvc mvc;
  @Autowired ReferenceDataLoader loader;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void loaded() {
    loader.recall();
  }

  @Test
  void whileTheBoundariesLoadPlacingAndSpendAnalysesAnswer503AndNothingIsStored() throws Exception {
    Account editor =
        accounts.createAccount(
            "editor." + UUID.randomUUID() + "@example.org",
            "Ada",
            "correct horse battery staple",
            false);
    accounts.grant(editor.id(), BIRMINGHAM, WorkspaceRole.EDITOR);
    String token = accounts.createToken(editor.id(), "test").token();
    long before = jdbc.queryForObject("select count(*) from anchor_spend_analysis", Long.class);
    loader.forget("lsoa-boundaries");

    mvc.perform(get("/api/v1/lsoas/at?latitude=52.4797&longitude=-1.9026"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "10"))
        .andExpect(jsonPath("$.type").value("https://fourthpurpose.org/problems/still-loading"));
    mvc.perform(
            post("/api/v1/workspaces/"
                    + BIRMINGHAM
                    + "/anchors/spend-analyses?organisation=1&year=2024")
                .header("Authorization", "Bearer " + token)
                .contentType("text/csv")
                .content("supplier,amount,latitude,longitude\nA,1,52.4797,-1.9026\n"))
        .andExpect(status().isServiceUnavailable());
    assertThat(jdbc.queryForObject("select count(*) from anchor_spend_analysis", Long.class))
        .isEqualTo(before);

    loader.recall();
    mvc.perform(get("/api/v1/lsoas/at?latitude=52.4797&longitude=-1.9026"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.placed").value(true))
        .andExpect(jsonPath("$.ladCode").value("E08000025"))
        .andExpect(jsonPath("$.icbCode").value(BIRMINGHAM));
  }
}
