/**
 * Revoked access tokens (by JWT id), denied until they would have expired anyway.
 */
@org.springframework.modulith.NamedInterface("revocation")
package org.aula.platform.revocation;
