package org.fourthpurpose.anchor.spend;

/** Where a postcode is: the 2021 LSOA it lies in, from the ONS postcode directory. */
interface PostcodeDirectory {

  /** The LSOA of a postcode written any usual way ("LS1 4HR", "ls14hr"), or null if unknown. */
  String lsoaOf(String postcode);
}
