package org.fourthpurpose.anchor.spend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Postcodes placed through a file in the ONS postcode directory's layout. */
class OnsPostcodeDirectoryTest {

  @TempDir Path dir;

  static final String ONSPD =
      "pcd,pcd2,pcds,dointr,doterm,lsoa21,msoa21\n"
          + "\"B1  1AA\",\"B1   1AA\",\"B1 1AA\",198001,,E01033620,E02006899\n"
          + "\"B91 3QB\",\"B91  3QB\",\"B91 3QB\",198001,,E01010116,E02002078\n"
          + "\"CF101AA\",\"CF10 1AA\",\"CF10 1AA\",198001,,W01001939,W02000384\n"
          + "\"EC2Y8DS\",\"EC2Y 8DS\",\"EC2Y 8DS\",198001,200012,E01000002,E02000001\n";

  @Test
  void placesPostcodesWrittenAnyUsualWayAndKnowsNothingOfOthers() throws IOException {
    Path file = dir.resolve("onspd.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(ONSPD.getBytes(StandardCharsets.UTF_8));
    }
    OnsPostcodeDirectory directory = new OnsPostcodeDirectory(file);
    assertThat(directory.lsoaOf("B91 3QB")).isEqualTo("E01010116");
    assertThat(directory.lsoaOf("b913qb")).isEqualTo("E01010116");
    assertThat(directory.lsoaOf(" B1 1AA ")).isEqualTo("E01033620");
    // Terminated, but an old invoice may carry it.
    assertThat(directory.lsoaOf("EC2Y 8DS")).isEqualTo("E01000002");
    // Wales is outside England's LSOAs; unknown and malformed postcodes have none.
    assertThat(directory.lsoaOf("CF10 1AA")).isNull();
    assertThat(directory.lsoaOf("ZZ9 9ZZ")).isNull();
    assertThat(directory.lsoaOf("not a postcode")).isNull();
  }

  @Test
  void aPostcodeKeyIsItsLettersAndDigitsOnly() {
    assertThat(OnsPostcodeDirectory.key("B1 1AA")).isEqualTo(OnsPostcodeDirectory.key("b11aa"));
    assertThat(OnsPostcodeDirectory.key("B1")).isEqualTo(-1);
    assertThat(OnsPostcodeDirectory.key("B1-1AA")).isEqualTo(-1);
    assertThat(OnsPostcodeDirectory.key("SW1A 1AAA")).isEqualTo(-1);
  }
}
