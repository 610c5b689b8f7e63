package org.aula.notifications;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.aula.platform.jobs.JobContext;
import org.aula.platform.jobs.JobHandler;
import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Emails leave Aula over SMTP to a real server (GreenMail): the ones users receive, with
 * the right recipient, subject, sender and working links, and the delivery itself, which
 * retries through an outage, sends once however often its job runs, and never sends what
 * was rolled back. Run once on the embedded mode and once on PostgreSQL and Redis.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EmailDeliveryContract {

	static final String BASE_URL = "https://aula.test";

	static final String FROM = "Aula Test <mailer@aula.test>";

	static final String ADMIN_EMAIL = "admin@mail-test.aula";

	static final String PASSWORD = "correct-horse-battery";

	private static final Duration WAIT = Duration.ofSeconds(30);

	private ServerSetup smtpSetup;

	private volatile GreenMail smtp;

	RunningAula aula;

	HttpApi http;

	JdbcClient jdbc;

	TransactionTemplate transactions;

	/** Settings of the mode under test, a fresh database each time it is called. */
	abstract Map<String, String> modeSettings();

	@BeforeAll
	void start() throws IOException {
		this.smtpSetup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		startSmtp();
		Map<String, String> settings = new LinkedHashMap<>(modeSettings());
		settings.put("spring.mail.host", "127.0.0.1");
		settings.put("spring.mail.port", String.valueOf(this.smtpSetup.getPort()));
		settings.put("aula.notifications.from", FROM);
		settings.put("aula.notifications.delivery.first-retry-delay", "1s");
		settings.put("aula.notifications.delivery.max-retry-delay", "2s");
		settings.put("aula.identity.public-base-url", BASE_URL + "/");
		settings.put("aula.admin.email", ADMIN_EMAIL);
		settings.put("aula.admin.password", "Correct-Horse-Staple-2026");
		settings.put("aula.identity.self-registration", "true");
		settings.put("aula.demo.enabled", "false");
		settings.put("aula.identity.throttle.login-attempts-per-address", "100000");
		settings.put("aula.identity.throttle.register-per-address", "100000");
		settings.put("aula.identity.throttle.forgot-per-address", "100000");
		settings.put("AULA_RATELIMIT_API_PER_MINUTE", "100000");
		this.aula = RunningAula.start(settings);
		this.http = this.aula.http();
		this.jdbc = this.aula.bean(JdbcClient.class);
		this.transactions = new TransactionTemplate(this.aula.bean(PlatformTransactionManager.class));
	}

	@AfterAll
	void stop() {
		if (this.aula != null) {
			this.aula.close();
		}
		if (this.smtp != null) {
			this.smtp.stop();
		}
	}

	// The emails users receive

	@Test
	void registrationSendsAWelcomeFromTheConfiguredSender() throws Exception {
		String email = unique("welcome");

		register(email, "Ana Perez");

		MimeMessage welcome = awaitMessage(email, "Welcome to Aula");
		assertThat(welcome.getFrom()).containsExactly(new InternetAddress(FROM));
		assertThat(welcome.getRecipients(Message.RecipientType.TO)).containsExactly(new InternetAddress(email));
		assertThat(body(welcome)).contains("Hello Ana Perez").contains(BASE_URL);
		UUID id = outboxId(email, "Welcome to Aula");
		assertThat(welcome.getMessageID()).isEqualTo("<" + id + "@aula.test>");
		assertThat(welcome.getHeader("Auto-Submitted")).containsExactly("auto-generated");
		Map<String, Object> row = outboxRow(id);
		assertThat(row).containsEntry("status", "SENT").containsEntry("attempts", 1);
		assertThat(row.get("sent_at")).isNotNull();
	}

	@Test
	void invitationEmailCarriesALinkThatRegistersTheInvitee() throws Exception {
		String email = unique("invitee");
		Response invited = this.http.postJson("/api/admin/invitations",
				"{\"email\":\"%s\",\"role\":\"TEACHER\"}".formatted(email), "Authorization", "Bearer " + admin());
		assertThat(invited.status()).as(invited.body()).isEqualTo(201);

		MimeMessage invitation = awaitMessage(email, "You are invited to Aula");
		assertThat(invitation.getFrom()).containsExactly(new InternetAddress(FROM));
		assertThat(body(invitation)).contains("as teacher");
		String token = link(invitation, "/register?token=");

		Response registered = this.http.postJson("/api/auth/register",
				"{\"email\":\"%s\",\"password\":\"%s\",\"fullName\":\"Tess Teacher\",\"invitationToken\":\"%s\"}"
					.formatted(email, PASSWORD, token));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		Response me = this.http.get("/api/me", "Authorization", "Bearer " + signIn(email, PASSWORD));
		assertThat(me.json().get("role").asString()).isEqualTo("TEACHER");
	}

	@Test
	void passwordResetEmailCarriesALinkWhoseTokenResetsThePassword() throws Exception {
		String email = unique("forgetful");
		register(email, "Ben Forgetful");

		Response forgot = this.http.postJson("/api/auth/password/forgot", "{\"email\":\"%s\"}".formatted(email));
		assertThat(forgot.status()).isEqualTo(202);

		MimeMessage reset = awaitMessage(email, "Reset your Aula password");
		assertThat(reset.getFrom()).containsExactly(new InternetAddress(FROM));
		assertThat(reset.getRecipients(Message.RecipientType.TO)).containsExactly(new InternetAddress(email));
		String token = link(reset, "/reset-password?token=");
		String newPassword = "a-brand-new-passphrase";
		Response changed = this.http.postJson("/api/auth/password/reset",
				"{\"token\":\"%s\",\"newPassword\":\"%s\"}".formatted(token, newPassword));
		assertThat(changed.status()).as(changed.body()).isEqualTo(204);
		assertThat(login(email, newPassword).status()).isEqualTo(200);
		assertThat(login(email, PASSWORD).status()).isEqualTo(401);
	}

	@Test
	void purchaseSendsOnePaymentConfirmationEvenWhenTheRequestIsReplayed() throws Exception {
		String teacher = teacher();
		String code = course(teacher, "Algebra for Everyone", "49.9", "EUR");
		String email = unique("buyer");
		String student = register(email, "Carla Buyer");
		String key = UUID.randomUUID().toString();

		assertThat(enrol(student, code, key).status()).isEqualTo(201);
		Response replay = enrol(student, code, key);
		assertThat(replay.status()).isEqualTo(201);
		assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");

		String subject = "Payment received: you are enrolled in Algebra for Everyone";
		MimeMessage confirmation = awaitMessage(email, subject);
		assertThat(confirmation.getFrom()).containsExactly(new InternetAddress(FROM));
		assertThat(body(confirmation)).contains("Hello Carla Buyer")
			.contains("\"Algebra for Everyone\" (" + code + ")")
			.contains("Amount: 49.90 EUR")
			.contains(BASE_URL + "/courses/" + code);
		awaitDelivered(outboxId(email, subject));
		assertThat(count("select count(*) from email_outbox where recipient = ? and subject = ?", email, subject))
			.isEqualTo(1);
		assertThat(messagesTo(email).stream().filter((message) -> subject(message).equals(subject))).hasSize(1);
	}

	@Test
	void freeEnrolmentSendsAConfirmationWithoutPayment() throws Exception {
		String teacher = teacher();
		String code = course(teacher, "Open Geometry", "0", "EUR");
		String email = unique("learner");
		String student = register(email, "Dora Learner");

		assertThat(enrol(student, code, UUID.randomUUID().toString()).status()).isEqualTo(201);

		MimeMessage confirmation = awaitMessage(email, "You are enrolled in Open Geometry");
		assertThat(confirmation.getRecipients(Message.RecipientType.TO)).containsExactly(new InternetAddress(email));
		assertThat(body(confirmation)).contains("\"Open Geometry\" (" + code + ")")
			.contains(BASE_URL + "/courses/" + code)
			.doesNotContain("Payment")
			.doesNotContain("Amount");
	}

	// Delivery

	@Test
	void deliveryFailingWhileTheServerIsDownIsRetriedAndArrivesOnce() throws Exception {
		String email = unique("outage");
		UUID id;
		this.smtp.stop();
		try {
			id = enqueue(email, "Sent through an outage");
			await().atMost(WAIT).until(() -> outboxRow(id).get("last_error") != null);
			assertThat(outboxRow(id)).containsEntry("status", "PENDING");
			assertThat((int) outboxRow(id).get("attempts")).isPositive();
			assertThat(String.valueOf(outboxRow(id).get("last_error"))).contains("onnect");
			assertThat(jobState(id)).isIn("RETRYING", "RUNNING");
			assertThat(messagesTo(email)).isEmpty();
		}
		finally {
			startSmtp();
		}

		awaitMessage(email, "Sent through an outage");
		awaitDelivered(id);
		await().atMost(WAIT).until(() -> "SUCCEEDED".equals(jobState(id)));
		assertThat((int) outboxRow(id).get("attempts")).isGreaterThanOrEqualTo(2);
		assertThat(messagesTo(email)).hasSize(1);
	}

	@Test
	void runningTheDeliveryTwiceSendsOneMessage() throws Exception {
		String email = unique("twice");
		UUID id = UUID.randomUUID();
		// A row without a job, so that only this test runs its delivery.
		this.jdbc
			.sql("insert into email_outbox (id, recipient, subject, body, status, attempts, created_at)"
					+ " values (?, ?, 'Delivered once', 'Hello', 'PENDING', 0, current_timestamp)")
			.params(id, email)
			.update();
		JobHandler delivery = deliveryHandler();

		delivery.run(job(id));
		delivery.run(job(id));

		awaitMessage(email, "Delivered once");
		assertThat(outboxRow(id)).containsEntry("status", "SENT").containsEntry("attempts", 1);
		assertThat(messagesTo(email)).hasSize(1);
	}

	@Test
	void emailOfARolledBackTransactionIsNeverDelivered() throws Exception {
		String rolledBack = unique("rolled-back");
		String committed = unique("committed");
		UUID[] rolledBackId = new UUID[1];

		this.transactions.executeWithoutResult((tx) -> {
			rolledBackId[0] = this.aula.bean(EmailOutbox.class)
				.enqueue(new OutgoingEmail(rolledBack, "Never sent", "Hello"));
			tx.setRollbackOnly();
		});
		UUID committedId = enqueue(committed, "Sent after the rollback");

		awaitMessage(committed, "Sent after the rollback");
		awaitDelivered(committedId);
		assertThat(messagesTo(rolledBack)).isEmpty();
		assertThat(count("select count(*) from email_outbox where id = ?", rolledBackId[0])).isZero();
		assertThat(count("select count(*) from jobs where payload = ?", rolledBackId[0].toString())).isZero();
	}

	@Test
	void anAddressThatCannotBeDeliveredToFailsAtOnce() {
		UUID id = enqueue("ana(x@example.org", "Cannot be addressed");

		await().atMost(WAIT).until(() -> "DEAD".equals(jobState(id)));

		Map<String, Object> row = outboxRow(id);
		assertThat(row).containsEntry("status", "FAILED").containsEntry("attempts", 1);
		assertThat(String.valueOf(row.get("last_error"))).startsWith("AddressException");
		assertThat(count("select attempts from jobs where payload = ?", id.toString())).isEqualTo(1);
		assertThat(this.smtp.getReceivedMessages())
			.noneMatch((message) -> subject(message).equals("Cannot be addressed"));
	}

	@Test
	void everySmtpStepTimesOut() {
		Properties properties = this.aula.bean(JavaMailSenderImpl.class).getJavaMailProperties();

		assertThat(properties).containsEntry("mail.smtp.connectiontimeout", "5000")
			.containsEntry("mail.smtp.timeout", "5000")
			.containsEntry("mail.smtp.writetimeout", "5000");
	}

	// Helpers

	private void startSmtp() {
		for (int attempt = 1;; attempt++) {
			GreenMail server = new GreenMail(this.smtpSetup);
			try {
				server.start();
				this.smtp = server;
				return;
			}
			catch (RuntimeException portStillHeld) {
				server.stop();
				if (attempt == 20) {
					throw portStillHeld;
				}
				sleep(Duration.ofMillis(250));
			}
		}
	}

	private UUID enqueue(String to, String subject) {
		return this.transactions
			.execute((tx) -> this.aula.bean(EmailOutbox.class).enqueue(new OutgoingEmail(to, subject, "Hello " + to)));
	}

	private MimeMessage awaitMessage(String to, String subject) {
		return await().atMost(WAIT)
			.until(() -> messagesTo(to).stream().filter((message) -> subject(message).equals(subject)).findFirst(),
					java.util.Optional::isPresent)
			.orElseThrow();
	}

	private void awaitDelivered(UUID id) {
		await().atMost(WAIT).until(() -> "SENT".equals(outboxRow(id).get("status")));
	}

	private List<MimeMessage> messagesTo(String address) {
		return Arrays.stream(this.smtp.getReceivedMessages()).filter((message) -> {
			try {
				Address[] to = message.getRecipients(Message.RecipientType.TO);
				return to != null && Arrays.stream(to).anyMatch((each) -> each.toString().equalsIgnoreCase(address));
			}
			catch (MessagingException ex) {
				return false;
			}
		}).toList();
	}

	private static String subject(MimeMessage message) {
		try {
			return String.valueOf(message.getSubject());
		}
		catch (MessagingException ex) {
			return "";
		}
	}

	private static String body(MimeMessage message) throws Exception {
		return String.valueOf(message.getContent());
	}

	/** The token of the one link in the email that starts with the base URL and path. */
	private static String link(MimeMessage message, String path) throws Exception {
		Matcher matcher = Pattern.compile(Pattern.quote(BASE_URL + path) + "([A-Za-z0-9_%-]+)").matcher(body(message));
		assertThat(matcher.find()).as("a link to %s%s in: %s", BASE_URL, path, body(message)).isTrue();
		return matcher.group(1);
	}

	private UUID outboxId(String to, String subject) {
		return this.jdbc.sql("select id from email_outbox where recipient = ? and subject = ?")
			.params(to, subject)
			.query(UUID.class)
			.single();
	}

	private Map<String, Object> outboxRow(UUID id) {
		return this.jdbc.sql("select status, attempts, last_error, sent_at from email_outbox where id = ?")
			.param(id)
			.query()
			.singleRow();
	}

	private String jobState(UUID emailId) {
		return this.jdbc.sql("select state from jobs where type = 'email.deliver' and payload = ?")
			.param(emailId.toString())
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private JobHandler deliveryHandler() {
		return this.aula.context()
			.getBeansOfType(JobHandler.class)
			.values()
			.stream()
			.filter((handler) -> handler.type().equals("email.deliver"))
			.findFirst()
			.orElseThrow();
	}

	private static JobContext job(UUID emailId) {
		UUID jobId = UUID.randomUUID();
		return new JobContext() {

			@Override
			public UUID jobId() {
				return jobId;
			}

			@Override
			public String payload() {
				return emailId.toString();
			}

			@Override
			public int attempt() {
				return 1;
			}

			@Override
			public void progress(int percent, String message) {
			}

			@Override
			public boolean isStopping() {
				return false;
			}

		};
	}

	private Response login(String email, String password) {
		return this.http.postJson("/api/auth/login",
				"{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password));
	}

	private String signIn(String email, String password) {
		Response response = login(email, password);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("accessToken").asString();
	}

	private String admin() {
		return signIn(ADMIN_EMAIL, "Correct-Horse-Staple-2026");
	}

	/** Registers a student and returns their access token. */
	private String register(String email, String fullName) {
		Response registered = this.http.postJson("/api/auth/register",
				"{\"email\":\"%s\",\"password\":\"%s\",\"fullName\":\"%s\"}".formatted(email, PASSWORD, fullName));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		return signIn(email, PASSWORD);
	}

	/** A teacher invited by the admin, registered through the emailed link. */
	private String teacher() throws Exception {
		String email = unique("teacher");
		Response invited = this.http.postJson("/api/admin/invitations",
				"{\"email\":\"%s\",\"role\":\"TEACHER\"}".formatted(email), "Authorization", "Bearer " + admin());
		assertThat(invited.status()).as(invited.body()).isEqualTo(201);
		String token = link(awaitMessage(email, "You are invited to Aula"), "/register?token=");
		Response registered = this.http.postJson("/api/auth/register",
				"{\"email\":\"%s\",\"password\":\"%s\",\"fullName\":\"A Teacher\",\"invitationToken\":\"%s\"}"
					.formatted(email, PASSWORD, token));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		return signIn(email, PASSWORD);
	}

	/** A published course of the teacher's; returns its code. */
	private String course(String teacher, String title, String price, String currency) {
		String code = "EM" + (char) ('A' + ThreadLocalRandom.current().nextInt(26))
				+ (char) ('A' + ThreadLocalRandom.current().nextInt(26)) + "-"
				+ ThreadLocalRandom.current().nextInt(10000);
		Response created = this.http.postJson("/api/courses",
				"{\"code\":\"%s\",\"title\":\"%s\",\"description\":\"About it\",\"price\":%s,\"currency\":\"%s\"}"
					.formatted(code, title, price, currency),
				"Authorization", "Bearer " + teacher);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		Response published = this.http.send(this.http.request("/api/courses/" + code)
			.header("Authorization", "Bearer " + teacher)
			.header("Content-Type", "application/json")
			.method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"published\":true}")));
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		return code;
	}

	private Response enrol(String student, String code, String key) {
		return this.http.send(this.http.request("/api/courses/" + code + "/enrolments")
			.header("Authorization", "Bearer " + student)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
	}

	static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@mail-test.aula";
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
