package org.fourthpurpose.account;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends an invitation's link by email through the configured SMTP server ({@code SPRING_MAIL_HOST}
 * and friends). With no server configured, or when sending fails, nothing is lost: the
 * administrator is shown the link to pass on themselves.
 */
@Component
class InvitationMail {

  private static final Logger log = LoggerFactory.getLogger(InvitationMail.class);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.UK)
          .withZone(ZoneId.of("UTC"));

  private final ObjectProvider<JavaMailSender> sender;
  private final String from;
  private final String serviceName;

  InvitationMail(
      ObjectProvider<JavaMailSender> sender,
      @Value("${fp.mail.from:}") String from,
      @Value("${fp.branding.service-name:Fourth Purpose}") String serviceName) {
    this.sender = sender;
    this.from = from;
    this.serviceName = serviceName;
  }

  /** What became of the email. */
  enum Delivery {
    SENT,
    NOT_CONFIGURED,
    FAILED
  }

  Delivery send(
      Invitations.PendingInvitation invitation,
      String workspaceName,
      String link,
      String invitedBy) {
    JavaMailSender mail = sender.getIfAvailable();
    if (mail == null) {
      return Delivery.NOT_CONFIGURED;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    if (!from.isBlank()) {
      message.setFrom(from);
    }
    message.setTo(invitation.email());
    message.setSubject("Invitation to " + workspaceName + " on " + serviceName);
    message.setText(text(invitation, workspaceName, link, invitedBy));
    try {
      mail.send(message);
      return Delivery.SENT;
    } catch (MailException e) {
      log.warn("Could not send the invitation email to {}: {}", invitation.email(), e.toString());
      return Delivery.FAILED;
    }
  }

  String text(
      Invitations.PendingInvitation invitation,
      String workspaceName,
      String link,
      String invitedBy) {
    return (invitedBy == null ? "You have" : invitedBy + " has")
        + " invited you to join the "
        + workspaceName
        + " workspace on "
        + serviceName
        + " as "
        + invitation.role().withArticle()
        + ".\n\nOpen this link to accept. It works once, until "
        + DAY.format(invitation.expiresAt())
        + ":\n\n"
        + link
        + "\n\nIf you did not expect this invitation, you can ignore this email.\n";
  }
}
