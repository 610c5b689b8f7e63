/**
 * Certificates of completion: issued as a PDF when a student completes a course, listed
 * to their holder, verified publicly by code, revoked by admins.
 * <p>
 * The public API is {@link org.aula.certificates.CertificateIssued}; everything else is
 * internal to the module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Certificates")
package org.aula.certificates;
