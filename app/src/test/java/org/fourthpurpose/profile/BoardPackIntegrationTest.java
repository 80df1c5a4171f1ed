package org.fourthpurpose.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.HeadlessChromium;
import org.fourthpurpose.indicator.ValueText;
import org.fourthpurpose.peergroup.PeerGroup;
import org.fourthpurpose.peergroup.PeerGroups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cheshire and Merseyside's Step 1 board pack as a page and a PDF, checked against the profile API:
 * the summary's sentences, the key indicators' values and England's, the map's places and the
 * sources; the PDF parsed with PDFBox; the page checked by axe-core in headless Chromium.
 */
@ApplicationTest
class BoardPackIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired BoardPacks packs;
  @Autowired PeerGroups peers;
  @LocalServerPort int port;

  private MockHttpServletResponse fetch(String url) throws Exception {
    return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse();
  }

  private JsonNode profile(String comparator) throws Exception {
    return JsonMapper.builder()
        .build()
        .readTree(fetch("/api/v1/icbs/QYG/profile?comparator=" + comparator).getContentAsString());
  }

  private static List<String> summarySentences(JsonNode profile) {
    List<String> sentences = new ArrayList<>();
    for (JsonNode h : profile.get("narrative")) {
      sentences.add(h.get("leadIn").asString());
      h.get("points").forEach(p -> sentences.add(p.get("text").asString()));
    }
    return sentences;
  }

  private static String escaped(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }

  @Test
  void thePageHasTheSummaryTheMapEachThemesKeyIndicatorsAndTheSources() throws Exception {
    MockHttpServletResponse response = fetch("/ics/QYG/board-pack?comparator=region");
    assertThat(response.getContentType()).startsWith("text/html");
    String page = response.getContentAsString();
    JsonNode profile = profile("region");
    assertThat(page)
        .contains("<h1>Step 1 board pack: Cheshire and Merseyside</h1>")
        .contains("England and North West");
    for (String sentence : summarySentences(profile)) {
      assertThat(page).contains(escaped(sentence));
    }
    // Every key indicator's row shows the API's value and England's, as the profile formats them.
    int keyRows = 0;
    for (JsonNode r : profile.get("indicators")) {
      String marker = "<tr data-indicator=\"" + r.get("indicatorId").asString() + "\"";
      int at = page.indexOf(marker);
      if (at < 0) {
        continue;
      }
      keyRows++;
      String row = page.substring(at, page.indexOf("</tr>", at));
      assertThat(r.get("value").isNull()).as("a key indicator has a value").isFalse();
      assertThat(row).contains(">" + ValueText.format(r.get("value").asDouble()) + "<");
      if (!r.get("englandValue").isNull()) {
        assertThat(row).contains(">" + ValueText.format(r.get("englandValue").asDouble()) + "<");
      }
      if (!r.get("comparatorValue").isNull()) {
        assertThat(row).contains(">" + ValueText.format(r.get("comparatorValue").asDouble()) + "<");
      }
      assertThat(r.get("indicatorId").asString()).doesNotStartWith("iod2019-");
    }
    // Nine themes with values, at most six indicators each.
    assertThat(keyRows).isBetween(9, 9 * BoardPacks.KEY_INDICATORS);
    assertThat(page.split("class=\"fp-pack-section fp-pack-theme\"", -1).length - 1)
        .isLessThanOrEqualTo(9);
    // The overview's map: the nine sub-ICB locations, with 99A the most deprived at 53.9%.
    // Named by place, as on the overview, not by the lookup's "NHS Cheshire and Merseyside ICB -
    // 99A".
    assertThat(page).contains("<th scope=\"row\">Liverpool (99A)</th>", "53.9%");
    assertThat(page).doesNotContain("ICB - 99A");
    assertThat(page).contains("id=\"places-table\"");
    // Sources with licences and attribution, from the catalogue and sources.json.
    assertThat(page)
        .contains("English Indices of Deprivation 2025")
        .contains("Licence: Open Government Licence v3.0.")
        .contains(
            "Source: Office for National Statistics licensed under the Open Government Licence");
    // The neighbourhood map: a shape per LSOA, shaded by decile, with the residents in each decile
    // as the LSOA API counts them (its decile is the IMD 2025 one).
    JsonNode lsoas =
        JsonMapper.builder()
            .build()
            .readTree(
                mvc.perform(
                        get("/api/v1/icbs/E54000008/lsoas")
                            .accept(org.springframework.http.MediaType.APPLICATION_JSON))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
    assertThat(lsoas.size()).isEqualTo(1601);
    String map = page.substring(page.indexOf("id=\"neighbourhood-map\""));
    map = map.substring(0, map.indexOf("</section>"));
    assertThat(map).doesNotContain("id=\"neighbourhood-map-loading\"");
    long[] residents = new long[11];
    int[] count = new int[11];
    long total = 0;
    for (JsonNode l : lsoas) {
      int decile = l.get("imdDecile").asInt();
      residents[decile] += l.get("population").asLong();
      count[decile]++;
      total += l.get("population").asLong();
      assertThat(map).contains("(" + l.get("code").asString() + "): decile " + decile + "<");
    }
    assertThat(map.split("<path ", -1).length - 1).isEqualTo(1601);
    assertThat(map.split("class=\"fp-decile-1\"", -1).length - 1).isEqualTo(count[1]);
    String table = map.substring(map.indexOf("id=\"neighbourhoods-table\""));
    for (int decile = 1; decile <= 10; decile++) {
      String label =
          decile == 1 ? "1 (most deprived)" : decile == 10 ? "10 (least deprived)" : "" + decile;
      String row = table.substring(table.indexOf("<th scope=\"row\">" + label + "</th>"));
      row = row.substring(0, row.indexOf("</tr>"));
      assertThat(row)
          .as("decile %d", decile)
          .contains(">" + String.format(java.util.Locale.UK, "%,d", count[decile]) + "<")
          .contains(">" + String.format(java.util.Locale.UK, "%,d", residents[decile]) + "<")
          .contains(
              ">"
                  + String.format(java.util.Locale.UK, "%.1f%%", 100.0 * residents[decile] / total)
                  + "<");
    }
    assertThat(total).isEqualTo(2_518_617L);
    // Districts by name in the summary, as on the overview.
    assertThat(map).contains("Most of them are in Liverpool (");
  }

  @Test
  void thePdfIsValidAndHoldsTheSummarySentencesAndTheSources() throws Exception {
    MockHttpServletResponse response = fetch("/ics/QYG/board-pack.pdf");
    assertThat(response.getContentType()).isEqualTo("application/pdf");
    assertThat(response.getHeader("Content-Disposition"))
        .isEqualTo("attachment; filename=\"board-pack-QYG-england.pdf\"");
    byte[] pdf = response.getContentAsByteArray();
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    String text;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      // Cover, summary, map, a page per theme, sources.
      assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(13);
      text = new PDFTextStripper().getText(document);
    }
    // Lines wrap anywhere in a PDF, so compare without whitespace.
    String flat = text.replaceAll("\\s+", "");
    for (String sentence : summarySentences(profile("england"))) {
      assertThat(flat).contains(sentence.replaceAll("\\s+", ""));
    }
    assertThat(flat)
        .contains("Step1boardpack:CheshireandMerseyside")
        .contains("Sources,licencesandattribution")
        .contains("Licence:OpenGovernmentLicencev3.0.")
        .contains("EnglishIndicesofDeprivation2025")
        // The neighbourhood map's heading, key and decile table are in the PDF too.
        .contains("Neighbourhoods")
        .contains("1(mostdeprived)322498,32419.8%")
        .contains("NeighbourhoodsofCheshireandMerseysideandtheirresidentsbynationaldecile");
  }

  @Test
  void aPackIsRenderedOnceAndThenServedWithItsETag() throws Exception {
    MockHttpServletResponse first = fetch("/ics/QHM/board-pack.pdf?comparator=neighbours");
    int kept = packs.kept();
    MockHttpServletResponse second = fetch("/ics/QHM/board-pack.pdf?comparator=neighbours");
    assertThat(packs.kept()).isEqualTo(kept);
    assertThat(second.getContentAsByteArray()).isEqualTo(first.getContentAsByteArray());
    String etag = first.getHeader("ETag");
    assertThat(etag).isNotBlank().isEqualTo(second.getHeader("ETag"));
    assertThat(first.getHeader("Cache-Control")).isEqualTo("no-cache");
    mvc.perform(get("/ics/QHM/board-pack.pdf?comparator=neighbours").header("If-None-Match", etag))
        .andExpect(status().isNotModified());
  }

  @Test
  void refusesAnUnknownComparatorOrSystemAndNamesWhatIsWrong() throws Exception {
    String problem =
        mvc.perform(get("/ics/QYG/board-pack?comparator=wales"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(problem).contains("comparator").contains("wales");
    mvc.perform(get("/ics/XXX/board-pack.pdf")).andExpect(status().isNotFound());
  }

  @Test
  void aPublishedGroupCanBeTheComparatorAndAGroupKeptInAWorkspaceCannot() throws Exception {
    PeerGroup published =
        peers.create(
            "E54000008",
            "Board pack test: northern cities",
            PeerGroup.Kind.GEOGRAPHIC,
            null,
            null,
            true,
            List.of("QYG", "QHM", "QE1"));
    PeerGroup kept =
        peers.create(
            "E54000008",
            "Board pack test: kept in the workspace",
            PeerGroup.Kind.GEOGRAPHIC,
            null,
            null,
            false,
            List.of("QYG", "QHM"));
    try {
      String page =
          fetch("/ics/QYG/board-pack?comparator=group-" + published.id()).getContentAsString();
      assertThat(page).contains("England and Board pack test: northern cities");
      // Not public: refused, and nothing about the group is shown.
      String refused =
          mvc.perform(get("/ics/QYG/board-pack.pdf?comparator=group-" + kept.id()))
              .andExpect(status().isBadRequest())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(refused).contains("comparator").doesNotContain("kept in the workspace");
    } finally {
      peers.delete("E54000008", published.id());
      peers.delete("E54000008", kept.id());
    }
  }

  @Test
  void theProfileAndTheOverviewLinkToThePack() throws Exception {
    assertThat(fetch("/ics/QYG").getContentAsString()).contains("href=\"/ics/QYG/board-pack\"");
    assertThat(fetch("/ics/QYG/profile").getContentAsString())
        .contains("href=\"/ics/QYG/board-pack?comparator=england\"")
        .contains("href=\"/ics/QYG/board-pack.pdf?comparator=england\"");
  }

  @Test
  void thePrintablePageIsAccessibleInABrowser() {
    try (HeadlessChromium chromium = HeadlessChromium.launch();
        BrowserContext context = chromium.browser().newContext();
        Page page = context.newPage()) {
      page.navigate("http://localhost:" + port + "/ics/QYG/board-pack?comparator=neighbours");
      assertThat(
              page.getByRole(
                      AriaRole.HEADING,
                      new Page.GetByRoleOptions()
                          .setName("Step 1 board pack: Cheshire and Merseyside")
                          .setLevel(1))
                  .count())
          .isEqualTo(1);
      assertThat(page.locator("#strengths li").count()).isBetween(1, 5);
      HeadlessChromium.assertAccessible(page);
      // Printed as A4: the browser's own PDF of the page has several pages.
      byte[] printed = page.pdf(new Page.PdfOptions().setPreferCSSPageSize(true));
      assertThat(new String(printed, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("%PDF-");
    }
  }
}
