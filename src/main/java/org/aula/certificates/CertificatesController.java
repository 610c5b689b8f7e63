package org.aula.certificates;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.aula.platform.media.MediaStore;
import org.aula.platform.web.NotFound;

import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A student's certificates, public verification and download by code, and revocation by
 * admins.
 * <p>
 * A revoked certificate's PDF is still served: it is the record of what was issued, and
 * the verification link printed on it is what tells a reader that it no longer holds. An
 * unknown code and input that cannot be a code are both 404.
 */
@RestController
@Tag(name = "Certificates")
class CertificatesController {

	/** Public answers carry names: they are not for search engines. */
	private static final String ROBOTS = "noindex, nofollow";

	private final CertificateRegistry registry;

	private final MediaStore media;

	private final CertificateSettings settings;

	CertificatesController(CertificateRegistry registry, MediaStore media, CertificateSettings settings) {
		this.registry = registry;
		this.media = media;
		this.settings = settings;
	}

	@GetMapping("/api/me/certificates")
	@Operation(summary = "My certificates, newest first")
	List<HeldCertificate> mine(@AuthenticationPrincipal Jwt jwt) {
		UUID me = UUID.fromString(jwt.getSubject());
		return this.registry.ofStudent(me).stream().map(this::held).toList();
	}

	@GetMapping("/api/certificates/{code}")
	@Operation(summary = "Verify a certificate by its code (public; case and dashes do not matter)")
	ResponseEntity<Verification> verify(@PathVariable String code) {
		Certificate certificate = this.registry.byCode(code);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header("X-Robots-Tag", ROBOTS)
			.body(verification(certificate));
	}

	@GetMapping("/api/certificates/{code}/pdf")
	@Operation(summary = "Download a certificate's PDF (public; also once revoked)")
	ResponseEntity<Resource> pdf(@PathVariable String code) {
		Certificate certificate = this.registry.byCode(code);
		Resource file = this.media.open(certificate.pdfSha256()).orElseThrow(() -> new NotFound("Certificate PDF"));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.eTag("\"" + certificate.pdfSha256() + "\"")
			// The PDF of a code never changes, revoked or not.
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("certificate-" + certificate.code() + ".pdf")
						.build()
						.toString())
			.header("X-Robots-Tag", ROBOTS)
			.body(file);
	}

	@PostMapping("/api/admin/certificates/{code}/revoke")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Revoke a certificate (admin); 409 if it already is")
	Verification revoke(@PathVariable String code, @Valid @RequestBody RevokeRequest body) {
		return verification(this.registry.revoke(code, body.reason().strip()));
	}

	private HeldCertificate held(Certificate certificate) {
		return new HeldCertificate(certificate.code(), certificate.courseId(), certificate.courseTitle(),
				certificate.teacherName(), certificate.completedAt(), certificate.issuedAt(), certificate.status(),
				certificate.revokedAt(), certificate.revokedReason(), this.settings.verificationUrl(certificate.code()),
				this.settings.pdfUrl(certificate.code()));
	}

	private Verification verification(Certificate certificate) {
		return new Verification(certificate.code(), certificate.status(),
				certificate.status() == Certificate.Status.VALID, certificate.studentName(), certificate.courseTitle(),
				certificate.teacherName(), certificate.completedAt(), certificate.issuedAt(), certificate.revokedAt(),
				this.settings.verificationUrl(certificate.code()), this.settings.pdfUrl(certificate.code()));
	}

	/**
	 * @param reason why, kept with the certificate and in the audit log; shown to the
	 * holder, not in the public verification
	 */
	record RevokeRequest(@NotBlank @Size(max = 500) String reason) {
	}

	/** One of my certificates. */
	record HeldCertificate(String code, UUID courseId, String courseTitle, String teacherName, Instant completedAt,
			Instant issuedAt, Certificate.Status status, Instant revokedAt, String revokedReason,
			String verificationUrl, String pdfUrl) {
	}

	/**
	 * What anyone holding the code may learn. Why a certificate was revoked is not
	 * public.
	 *
	 * @param valid whether the certificate holds (not revoked)
	 */
	record Verification(String code, Certificate.Status status, boolean valid, String studentName, String courseTitle,
			String teacherName, Instant completedAt, Instant issuedAt, Instant revokedAt, String verificationUrl,
			String pdfUrl) {
	}

}
