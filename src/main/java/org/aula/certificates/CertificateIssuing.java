package org.aula.certificates;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.aula.catalog.CourseRef;
import org.aula.catalog.Courses;
import org.aula.identity.UserSummary;
import org.aula.identity.Users;
import org.aula.platform.jobs.JobContext;
import org.aula.platform.jobs.JobHandler;
import org.aula.platform.jobs.PermanentJobFailure;
import org.aula.platform.media.MediaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the {@value #JOB_TYPE} jobs that {@link CertificateRequests} enqueues. The job is
 * idempotent: a student holds at most one certificate per course (a unique key), a job
 * finding one does nothing, and a job that loses a race to a concurrent twin ends quietly
 * when its insert hits the key. The PDF is drawn and stored before the row is written, so
 * a stored certificate always has its PDF.
 */
@Component
class CertificateIssuing implements JobHandler {

	static final String JOB_TYPE = "certificate.issue";

	private static final Logger logger = LoggerFactory.getLogger(CertificateIssuing.class);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

	private static final int CODE_ATTEMPTS = 3;

	private final IssuedCertificates certificates;

	private final Users users;

	private final Courses courses;

	private final MediaStore media;

	private final CertificateCodes codes;

	private final CertificatePdf pdf;

	private final CertificateSettings settings;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	CertificateIssuing(IssuedCertificates certificates, Users users, Courses courses, MediaStore media,
			CertificateCodes codes, CertificatePdf pdf, CertificateSettings settings, ApplicationEventPublisher events,
			PlatformTransactionManager transactions) {
		this.certificates = certificates;
		this.users = users;
		this.courses = courses;
		this.media = media;
		this.codes = codes;
		this.pdf = pdf;
		this.settings = settings;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = Clock.systemUTC();
	}

	@Override
	public String type() {
		return JOB_TYPE;
	}

	@Override
	public void run(JobContext job) throws Exception {
		Request request = Request.parse(job.payload());
		issue(request.studentId(), request.courseId(), request.completedAt());
	}

	/**
	 * Issues the student's certificate for the course unless they have one.
	 * @return the student's certificate, new or existing
	 * @throws PermanentJobFailure when the student or course does not exist
	 */
	Certificate issue(UUID studentId, UUID courseId, Instant completedAt) throws Exception {
		Optional<Certificate> existing = this.certificates.find(studentId, courseId);
		if (existing.isPresent()) {
			return existing.get();
		}
		UserSummary student = this.users.findById(studentId)
			.orElseThrow(() -> new PermanentJobFailure("No user " + studentId));
		CourseRef course = this.courses.findById(courseId)
			.orElseThrow(() -> new PermanentJobFailure("No course " + courseId));
		String teacherName = this.users.findById(course.teacherId()).map(UserSummary::fullName).orElse(null);
		for (int attempt = 1;; attempt++) {
			Certificate certificate = draw(student, course, teacherName, completedAt);
			try {
				this.transaction.executeWithoutResult((status) -> {
					this.certificates.insert(certificate);
					this.events.publishEvent(new CertificateIssued(certificate.id(), certificate.code(), studentId,
							courseId, this.settings.verificationUrl(certificate.code()), certificate.issuedAt()));
				});
				logger.info("Issued certificate {} to student {} for course {}", certificate.code(), studentId,
						courseId);
				return certificate;
			}
			catch (DuplicateKeyException duplicate) {
				Optional<Certificate> twin = this.certificates.find(studentId, courseId);
				if (twin.isPresent()) {
					// Another run issued it meanwhile; its PDF is the one on record.
					logger.info("Certificate of student {} for course {} was issued meanwhile by another run",
							studentId, courseId);
					return twin.get();
				}
				if (attempt == CODE_ATTEMPTS) {
					throw duplicate;
				}
				// The random code was taken: draw the certificate again with a new one.
			}
		}
	}

	/** Draws the PDF and stores it; returns the row to insert. */
	private Certificate draw(UserSummary student, CourseRef course, String teacherName, Instant completedAt)
			throws Exception {
		String code = this.codes.next();
		String completedOn = DATE.format(completedAt.atZone(this.settings.timeZone()));
		byte[] document = this.pdf.render(new CertificatePdf.Content(student.fullName(), course.title(), teacherName,
				completedOn, code, this.settings.verificationUrl(code)));
		MediaStore.Stored stored = this.media.store(new ByteArrayInputStream(document));
		return new Certificate(UUID.randomUUID(), code, student.id(), course.id(), student.fullName(), course.title(),
				teacherName, completedAt, this.clock.instant().truncatedTo(ChronoUnit.MICROS), stored.sha256(),
				stored.size(), Certificate.Status.VALID, null, null);
	}

	/**
	 * A job's payload: {@code <studentId>:<courseId>:<completedAt>}, the time in
	 * ISO-8601.
	 */
	record Request(UUID studentId, UUID courseId, Instant completedAt) {

		String payload() {
			return this.studentId + ":" + this.courseId + ":" + this.completedAt;
		}

		/** Jobs for one student and course never run at the same time. */
		String serialKey() {
			return "certificate:" + this.studentId + ":" + this.courseId;
		}

		static Request parse(String payload) {
			String[] parts = payload.split(":", 3);
			try {
				if (parts.length != 3) {
					throw new IllegalArgumentException("expected three parts");
				}
				return new Request(UUID.fromString(parts[0]), UUID.fromString(parts[1]), Instant.parse(parts[2]));
			}
			catch (IllegalArgumentException | DateTimeParseException ex) {
				throw new PermanentJobFailure("Not a certificate request: " + payload);
			}
		}

	}

}
