package org.aula.certificates;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.aula.certificates.CertificatesClient.Course;
import org.aula.certificates.CertificatesClient.User;
import org.aula.learning.CourseCompleted;
import org.aula.platform.jobs.JobContext;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RunningAula;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Certificates from a course completed through real HTTP to public verification and
 * revocation, run on the embedded mode and on PostgreSQL and Redis: the behaviour must be
 * the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CertificatesContract {

	static final String BASE_URL = "https://aula.example.org";

	/** Far from UTC, so a date printed in the wrong zone would often show. */
	static final ZoneId ZONE = ZoneId.of("Pacific/Kiritimati");

	static final String CODE = "[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}";

	RunningAula aula;

	CertificatesClient client;

	User teacher;

	Course course;

	/** Settings of the mode under test, a fresh database each time it is called. */
	abstract Map<String, String> modeSettings();

	@BeforeAll
	void start() throws Exception {
		Map<String, String> settings = new LinkedHashMap<>(modeSettings());
		settings.put("aula.identity.self-registration", "true");
		settings.put("aula.demo.enabled", "false");
		settings.put("aula.media.directory", Files.createTempDirectory("aula-media").toString());
		settings.put("aula.certificates.public-base-url", BASE_URL + "/");
		settings.put("aula.certificates.time-zone", ZONE.getId());
		settings.put("AULA_RATELIMIT_API_PER_MINUTE", "100000");
		settings.put("AULA_RATELIMIT_CERTIFICATES_PER_MINUTE", "5000");
		this.aula = RunningAula.start(settings, HeardCertificates.class);
		this.client = new CertificatesClient(this.aula);
		this.teacher = this.client.user("TEACHER", "Zoë Ağaoğlu");
		this.course = this.client.course(this.teacher, "Análisis de datos — nivel 1");
	}

	@AfterAll
	void stop() {
		if (this.aula != null) {
			this.aula.close();
		}
	}

	@Test
	void completingACourseIssuesACertificateThatAnyoneCanVerifyAndDownload() throws Exception {
		User student = this.client.registeredStudent("Łukasz Żółć");

		this.client.completes(student, this.course);

		JsonNode mine = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.client.get("/api/me/certificates", student).json(), (list) -> list.size() == 1)
			.get(0);
		String code = mine.get("code").asString();
		assertThat(code).matches(CODE);
		assertThat(mine.get("courseId").asString()).isEqualTo(this.course.id().toString());
		assertThat(mine.get("courseTitle").asString()).isEqualTo("Análisis de datos — nivel 1");
		assertThat(mine.get("teacherName").asString()).isEqualTo("Zoë Ağaoğlu");
		assertThat(mine.get("status").asString()).isEqualTo("VALID");
		assertThat(mine.get("verificationUrl").asString()).isEqualTo(BASE_URL + "/certificates/" + code);
		assertThat(mine.get("pdfUrl").asString()).isEqualTo(BASE_URL + "/api/certificates/" + code + "/pdf");
		Instant completedAt = Instant.parse(mine.get("completedAt").asString());
		assertThat(completedAt).isBetween(Instant.now().minus(Duration.ofMinutes(1)), Instant.now());
		assertThat(this.client.jdbc.sql("SELECT state FROM jobs WHERE type = 'certificate.issue' AND serial_key = ?")
			.param("certificate:" + student.id() + ":" + this.course.id())
			.query(String.class)
			.list()).containsExactly("SUCCEEDED");

		Response verified = this.client.get("/api/certificates/" + code, null);
		assertThat(verified.status()).as(verified.body()).isEqualTo(200);
		JsonNode verification = verified.json();
		assertThat(verification.get("code").asString()).isEqualTo(code);
		assertThat(verification.get("valid").asBoolean()).isTrue();
		assertThat(verification.get("status").asString()).isEqualTo("VALID");
		assertThat(verification.get("studentName").asString()).isEqualTo("Łukasz Żółć");
		assertThat(verification.get("courseTitle").asString()).isEqualTo("Análisis de datos — nivel 1");
		assertThat(Instant.parse(verification.get("completedAt").asString())).isEqualTo(completedAt);
		assertThat(Instant.parse(verification.get("issuedAt").asString())).isAfterOrEqualTo(completedAt);
		assertThat(verified.header("X-Robots-Tag")).contains("noindex");
		assertThat(verified.header("Cache-Control")).contains("no-store");
		Response typedLoosely = this.client.get("/api/certificates/" + code.replace("-", "").toLowerCase(Locale.ROOT),
				null);
		assertThat(typedLoosely.status()).isEqualTo(200);
		assertThat(typedLoosely.json().get("code").asString()).isEqualTo(code);

		HttpResponse<byte[]> pdf = this.client.download("/api/certificates/" + code + "/pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(pdf.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"certificate-" + code + ".pdf\"");
		assertThat(pdf.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=86400");
		assertThat(pdf.headers().firstValue("ETag")).isPresent();
		String text = text(pdf.body());
		assertThat(text).contains("Łukasz Żółć")
			.contains("Análisis de datos — nivel 1")
			.contains("Teacher: Zoë Ağaoğlu")
			.contains("Completed on "
					+ DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).format(completedAt.atZone(ZONE)))
			.contains(code)
			.contains(BASE_URL + "/certificates/" + code)
			.doesNotContain("/api/certificates/");
		Response page = this.client.http.get("/certificates/" + code);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html");

		User someoneElse = this.client.user("STUDENT", "Someone Else");
		assertThat(this.client.get("/api/me/certificates", someoneElse).json().size()).isZero();
	}

	@Test
	void aCompletionDeliveredManyTimesIssuesOneCertificate() throws Exception {
		User student = this.client.user("STUDENT", "王芳");
		Instant completedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		CourseCompleted completed = new CourseCompleted(student.id(), this.course.id(), completedAt);
		ApplicationEventPublisher events = this.aula.context();
		TransactionTemplate transaction = new TransactionTemplate(this.aula.bean(PlatformTransactionManager.class));

		transaction.executeWithoutResult((status) -> {
			events.publishEvent(completed);
			events.publishEvent(completed);
		});
		transaction.executeWithoutResult((status) -> events.publishEvent(completed));

		String key = "certificate:" + student.id() + ":" + this.course.id();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.client.jdbc
				.sql("SELECT state FROM jobs WHERE type = 'certificate.issue' AND serial_key = ?")
				.param(key)
				.query(String.class)
				.list(), (states) -> states.size() == 3 && states.stream().allMatch("SUCCEEDED"::equals));
		assertThat(this.client.certificates(student.id(), this.course.id())).isOne();
		String code = code(student);

		CertificateIssuing handler = this.aula.bean(CertificateIssuing.class);
		String payload = student.id() + ":" + this.course.id() + ":" + completedAt;
		handler.run(job(payload));
		handler.run(job(payload));

		assertThat(this.client.certificates(student.id(), this.course.id())).isOne();
		assertThat(code(student)).isEqualTo(code);
		assertThat(text(this.client.download("/api/certificates/" + code + "/pdf").body())).contains("王芳");
		assertThat(this.aula.bean(HeardCertificates.class).of(student.id())).singleElement().satisfies((issued) -> {
			assertThat(issued.code()).isEqualTo(code);
			assertThat(issued.courseId()).isEqualTo(this.course.id());
			assertThat(issued.verificationUrl()).isEqualTo(BASE_URL + "/certificates/" + code);
		});
	}

	@Test
	void concurrentIssuesOfOneCertificateEndWithOne() throws Exception {
		User student = this.client.user("STUDENT", "Ana Twin");
		CertificateIssuing handler = this.aula.bean(CertificateIssuing.class);
		CountDownLatch start = new CountDownLatch(1);
		Callable<String> issue = () -> {
			start.await();
			return handler.issue(student.id(), this.course.id(), Instant.now()).code();
		};
		List<String> codes;
		try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
			List<Future<String>> futures = List.of(threads.submit(issue), threads.submit(issue));
			start.countDown();
			codes = List.of(futures.get(0).get(), futures.get(1).get());
		}

		assertThat(this.client.certificates(student.id(), this.course.id())).isOne();
		assertThat(codes).containsOnly(code(student));
		assertThat(this.aula.bean(HeardCertificates.class).of(student.id())).hasSize(1);
	}

	@Test
	void anAdminRevokesACertificateOnceAndItVerifiesAsRevoked() {
		User student = this.client.user("STUDENT", "Eve Copy");
		User admin = this.client.user("ADMIN", "Ada Admin");
		String code = issued(student);
		String revoke = "/api/admin/certificates/" + code + "/revoke";

		assertThat(this.client.post(revoke, "{\"reason\":\"Copied work\"}", student).status()).isEqualTo(403);
		Response blank = this.client.post(revoke, "{\"reason\":\"  \"}", admin);
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.json().get("type").asString()).isEqualTo("urn:aula:problem:validation-failed");
		Response revoked = this.client.post(revoke, "{\"reason\":\"Copied work\"}", admin);

		assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
		assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
		JsonNode verification = this.client.get("/api/certificates/" + code, null).json();
		assertThat(verification.get("valid").asBoolean()).isFalse();
		assertThat(verification.get("status").asString()).isEqualTo("REVOKED");
		assertThat(verification.get("revokedAt").isNull()).isFalse();
		assertThat(verification.has("revokedReason")).isFalse();
		JsonNode mine = this.client.get("/api/me/certificates", student).json().get(0);
		assertThat(mine.get("status").asString()).isEqualTo("REVOKED");
		assertThat(mine.get("revokedReason").asString()).isEqualTo("Copied work");
		assertThat(this.client.download("/api/certificates/" + code + "/pdf").statusCode()).isEqualTo(200);
		UUID certificateId = this.client.jdbc.sql("SELECT id FROM certificates WHERE code = ?")
			.param(code)
			.query(UUID.class)
			.single();
		assertThat(this.client.jdbc
			.sql("SELECT actor_id FROM audit_log WHERE action = 'certificate.revoke' AND entity_id = ?")
			.param(certificateId.toString())
			.query(UUID.class)
			.list()).containsExactly(admin.id());

		Response again = this.client.post(revoke, "{\"reason\":\"Twice\"}", admin);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("type").asString()).isEqualTo("urn:aula:problem:certificate-already-revoked");
		Response unknown = this.client.post("/api/admin/certificates/0000-0000-0000-0000/revoke",
				"{\"reason\":\"No such\"}", admin);
		assertThat(unknown.status()).isEqualTo(404);
	}

	@Test
	void unknownAndMalformedCodesAreNotFoundProblems() {
		for (String code : List.of("0000-0000-0000-0000", "not-a-code", "UUUU-UUUU-UUUU-UUUU", "%F0%9F%98%80",
				"A".repeat(2000), "7K3M-Q9XD-2HPA-W5RT-7K3M")) {
			for (String path : List.of("/api/certificates/" + code, "/api/certificates/" + code + "/pdf")) {
				Response response = this.client.get(path, null);
				assertThat(response.status()).as(path).isEqualTo(404);
				assertThat(response.contentType()).as(path).startsWith("application/problem+json");
				assertThat(response.json().get("type").asString()).isEqualTo("urn:aula:problem:not-found");
			}
		}
	}

	@Test
	void myCertificatesNeedAToken() {
		Response anonymous = this.client.get("/api/me/certificates", null);

		assertThat(anonymous.status()).isEqualTo(401);
	}

	@Test
	void publicVerificationHasARateLimitOfItsOwn() {
		Response verified = this.client.get("/api/certificates/0000-0000-0000-0000", null);

		assertThat(verified.header("RateLimit-Limit")).isEqualTo("5000");
		assertThat(this.client.get("/api/me/certificates", this.teacher).header("RateLimit-Limit")).isEqualTo("100000");
	}

	/** Issues the student's certificate for the shared course without HTTP. */
	private String issued(User student) {
		try {
			return this.aula.bean(CertificateIssuing.class).issue(student.id(), this.course.id(), Instant.now()).code();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String code(User student) {
		return this.client.jdbc.sql("SELECT code FROM certificates WHERE student_id = ? AND course_id = ?")
			.params(student.id(), this.course.id())
			.query(String.class)
			.single();
	}

	private static String text(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	private static JobContext job(String payload) {
		return new JobContext() {

			@Override
			public UUID jobId() {
				return UUID.randomUUID();
			}

			@Override
			public String payload() {
				return payload;
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

}
