package org.aula.identity.tokens;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed access token and what a caller needs to know about it without parsing it.
 *
 * @param value the compact JWT to hand to the client as a bearer token
 * @param tokenId its {@code jti}, the id to revoke it by
 * @param familyId the refresh-token family it belongs to ({@code fid})
 * @param issuedAt its {@code iat}, whole seconds
 * @param expiresAt its {@code exp}, whole seconds
 */
public record AccessToken(String value, String tokenId, UUID familyId, Instant issuedAt, Instant expiresAt) {

	/** Keeps the bearer value out of logs: it is a credential. */
	@Override
	public String toString() {
		return "AccessToken[tokenId=%s, familyId=%s, issuedAt=%s, expiresAt=%s]".formatted(this.tokenId, this.familyId,
				this.issuedAt, this.expiresAt);
	}

}
