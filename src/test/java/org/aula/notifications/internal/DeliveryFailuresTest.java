package org.aula.notifications.internal;

import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DeliveryFailuresTest {

	@Test
	void recipientRefusedByTheServerIsPermanent() throws Exception {
		Address ana = new InternetAddress("ana@example.org");
		SendFailedException refused = new SendFailedException("Invalid Addresses",
				new MessagingException("550 5.1.1 No such user"), new Address[0], new Address[0],
				new Address[] { ana });

		assertThat(DeliveryFailures.isPermanent(sendFailure(refused))).isTrue();
	}

	@Test
	void recipientDeferredByTheServerIsWorthRetrying() throws Exception {
		Address ana = new InternetAddress("ana@example.org");
		SendFailedException deferred = new SendFailedException("Invalid Addresses",
				new MessagingException("451 4.7.1 Greylisted, try again later"), new Address[0], new Address[] { ana },
				new Address[0]);

		assertThat(DeliveryFailures.isPermanent(sendFailure(deferred))).isFalse();
	}

	@Test
	void unreachableServerIsWorthRetrying() {
		MailSendException unreachable = new MailSendException("Mail server connection failed",
				new MessagingException("Couldn't connect to host", new ConnectException("Connection refused")));

		assertThat(DeliveryFailures.isPermanent(unreachable)).isFalse();
	}

	@Test
	void failedLoginIsWorthRetryingOnceAnOperatorFixesIt() {
		assertThat(DeliveryFailures.isPermanent(new MailAuthenticationException("535 Authentication failed")))
			.isFalse();
	}

	@Test
	void addressThatDoesNotParseIsPermanent() {
		assertThat(DeliveryFailures.isPermanent(new AddressException("Missing ')'", "ana(x@example.org"))).isTrue();
		assertThat(DeliveryFailures.isPermanent(new MailParseException("Bad header"))).isTrue();
	}

	@Test
	void describesAFailureOnOneLine() {
		assertThat(DeliveryFailures.describe(new MessagingException("421 Service\r\nnot available")))
			.isEqualTo("MessagingException: 421 Service not available");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ana(x@example.org", "Ana <ana@example.org>", "ana@example.org, ben@example.org",
			"ana@example.org>" })
	void recipientMustBeExactlyOnePlainAddress(String to) {
		assertThatExceptionOfType(AddressException.class).isThrownBy(() -> EmailDelivery.recipient(to));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ana@example.org", "Ana.Perez+aula@mail.example.co.uk", "admin@localhost" })
	void plainAddressIsARecipient(String to) throws AddressException {
		assertThat(EmailDelivery.recipient(to).getAddress()).isEqualTo(to);
	}

	@Test
	void messageIdIsTheOutboxIdAtTheSendersDomain() throws AddressException {
		java.util.UUID id = java.util.UUID.fromString("0b5c2f3e-8d8e-4c1a-9a53-6f1f3a1d2e4b");

		assertThat(SmtpTransport.messageId(id, new InternetAddress("Aula <no-reply@aula.example.org>")))
			.isEqualTo("<0b5c2f3e-8d8e-4c1a-9a53-6f1f3a1d2e4b@aula.example.org>");
	}

	private static MailSendException sendFailure(Exception cause) {
		Map<Object, Exception> failed = new LinkedHashMap<>();
		failed.put("message", cause);
		return new MailSendException(failed);
	}

}
