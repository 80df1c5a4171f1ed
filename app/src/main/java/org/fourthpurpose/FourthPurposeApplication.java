package org.fourthpurpose;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Fourth Purpose: helps integrated care systems support social and economic development. */
@SpringBootApplication
public class FourthPurposeApplication {

  public static void main(String[] args) {
    SpringApplication.run(FourthPurposeApplication.class, args);
  }
}
