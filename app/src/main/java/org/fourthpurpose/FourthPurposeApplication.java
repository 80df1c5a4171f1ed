package org.fourthpurpose;

import org.fourthpurpose.audit.AuditCheckCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Fourth Purpose: helps integrated care systems support social and economic development. */
@SpringBootApplication
public class FourthPurposeApplication {

  public static void main(String[] args) {
    // --audit-check checks the audit log's hash chain and exits, without serving anything.
    if (AuditCheckCommand.requested(args)) {
      System.exit(AuditCheckCommand.run(args));
    }
    SpringApplication.run(FourthPurposeApplication.class, args);
  }
}
