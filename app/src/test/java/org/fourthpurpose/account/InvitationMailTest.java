package org.fourthpurpose.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class InvitationMailTest {

  @RegisterExtension static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  private static final Invitations.PendingInvitation INVITATION =
      new Invitations.PendingInvitation(
          7,
          "E54000008",
          "grace@example.org",
          WorkspaceRole.EDITOR,
          "Ada Lovelace",
          Instant.parse("2026-11-30T10:00:00Z"),
          Instant.parse("2026-12-07T10:00:00Z"));

  private static InvitationMail mail(JavaMailSender sender) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    if (sender != null) {
      beans.addBean("mailSender", sender);
    }
    return new InvitationMail(
        beans.getBeanProvider(JavaMailSender.class),
        "fourth-purpose@example.org",
        "Fourth Purpose");
  }

  @Test
  void sendsTheLinkThroughTheConfiguredSmtpServer() throws Exception {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(smtp.getSmtp().getPort());

    InvitationMail.Delivery delivery =
        mail(sender)
            .send(
                INVITATION,
                "Cheshire and Merseyside",
                "https://fp.example.org/invitations/abc123",
                "Ada Lovelace");

    assertThat(delivery).isEqualTo(InvitationMail.Delivery.SENT);
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("grace@example.org");
    assertThat(received[0].getFrom()[0].toString()).isEqualTo("fourth-purpose@example.org");
    assertThat(received[0].getSubject())
        .isEqualTo("Invitation to Cheshire and Merseyside on Fourth Purpose");
    String body = GreenMailUtil.getBody(received[0]).replace("\r\n", "\n");
    assertThat(body)
        .startsWith(
            "Ada Lovelace has invited you to join the Cheshire and Merseyside workspace on"
                + " Fourth Purpose as an editor.")
        .contains("It works once, until 7 December 2026 at 10:00 UTC")
        .contains("https://fp.example.org/invitations/abc123");
  }

  @Test
  void saysTheLinkMustBePassedOnWhenNoSmtpServerIsConfigured() {
    assertThat(mail(null).send(INVITATION, "Cheshire and Merseyside", "https://x/i/abc", null))
        .isEqualTo(InvitationMail.Delivery.NOT_CONFIGURED);
  }

  @Test
  void saysTheLinkMustBePassedOnWhenTheSmtpServerRefuses() {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(1); // nothing listens there
    assertThat(mail(sender).send(INVITATION, "Cheshire and Merseyside", "https://x/i/abc", null))
        .isEqualTo(InvitationMail.Delivery.FAILED);
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }
}
