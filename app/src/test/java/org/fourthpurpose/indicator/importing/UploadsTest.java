package org.fourthpurpose.indicator.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.fourthpurpose.web.PayloadTooLargeException;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class UploadsTest {

  private static long spooledFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(p -> p.getFileName().toString().startsWith("indicator-import")).count();
    }
  }

  @Test
  void aBodyOverTheLimitIsRefusedWith413AndNothingIsLeftOnDisk() throws IOException {
    long before = spooledFiles();
    // An endless body: the limit must stop it, not the end of the input.
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 'x';
          }
        };

    assertThatThrownBy(() -> Uploads.spool(endless, DataSize.ofMegabytes(2)))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessageContaining("larger than 2 MB");
    assertThat(spooledFiles()).isEqualTo(before);
  }

  @Test
  void aBodyWithinTheLimitIsSpooledWhole() throws IOException {
    Path copy =
        Uploads.spool(new ByteArrayInputStream("a,b\n1,2\n".getBytes()), DataSize.ofKilobytes(1));
    try {
      assertThat(Files.readString(copy)).isEqualTo("a,b\n1,2\n");
    } finally {
      Files.delete(copy);
    }
  }
}
