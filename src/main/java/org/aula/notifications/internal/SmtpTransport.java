package org.aula.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.aula.notifications.internal.OutboxRows.EmailStatus;
import org.aula.notifications.internal.OutboxRows.StoredEmail;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends plain-text UTF-8 emails through Spring's {@link JavaMailSender}, configured by
 * {@code spring.mail.*}.
 * <p>
 * Delivery is at least once: when an instance dies after the server accepted an email and
 * before the outbox row says so, the email is sent again. Its Message-ID derives from the
 * outbox id, so both copies carry the same one and receivers that de-duplicate by
 * Message-ID keep one.
 */
final class SmtpTransport implements EmailTransport {

	private final JavaMailSender sender;

	private final Session session;

	private final InternetAddress from;

	SmtpTransport(JavaMailSender sender, InternetAddress from) {
		this.sender = sender;
		this.session = (sender instanceof JavaMailSenderImpl impl) ? impl.getSession()
				: Session.getInstance(new Properties());
		this.from = from;
	}

	/**
	 * The Message-ID of the email with this outbox id: the same on every attempt.
	 * @param id the outbox id
	 * @param from the From address, whose domain ends the id
	 * @return the header value, such as {@code <0b5c…@aula.local>}
	 */
	static String messageId(UUID id, InternetAddress from) {
		String address = from.getAddress();
		return "<" + id + "@" + address.substring(address.lastIndexOf('@') + 1) + ">";
	}

	@Override
	public EmailStatus deliver(StoredEmail email, InternetAddress recipient) throws MessagingException {
		MimeMessage message = new FixedIdMessage(this.session, messageId(email.id(), this.from));
		MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
		helper.setFrom(this.from);
		helper.setTo(recipient);
		helper.setSubject(email.subject());
		helper.setText(email.body(), false);
		helper.setSentDate(new Date());
		// RFC 3834: no vacation auto-replies to a machine's email.
		message.setHeader("Auto-Submitted", "auto-generated");
		this.sender.send(message);
		return EmailStatus.SENT;
	}

	@Override
	public String describe() {
		if (this.sender instanceof JavaMailSenderImpl impl) {
			return "SMTP to " + impl.getHost() + ":" + ((impl.getPort() > 0) ? impl.getPort() : "default port")
					+ " from " + this.from.toUnicodeString();
		}
		return "SMTP from " + this.from.toUnicodeString();
	}

	/**
	 * A message whose Message-ID stays the one given, instead of a random one per send.
	 */
	private static final class FixedIdMessage extends MimeMessage {

		private final String messageId;

		FixedIdMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

	}

}
