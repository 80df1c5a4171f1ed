package org.fourthpurpose.maturity;

/** Where the framework comes from, so every page that shows it can cite it. */
public record FrameworkSource(
    String author, String title, String publisher, int year, String url, String note) {

  /**
   * E.g. Cathy Elliott, "A framework for health and care system leaders", NHS Confederation, 2022.
   */
  public String citation() {
    return author + ", \u201c" + title + "\u201d, " + publisher + ", " + year;
  }
}
