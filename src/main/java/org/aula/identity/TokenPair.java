package org.aula.identity;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a successful login or refresh returns.
 *
 * @param accessToken the signed JWT to send as {@code Authorization: Bearer ...}
 * @param refreshToken the opaque, single-use token that gets the next pair; absent when
 * it went into the session cookie instead
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until the access token expires
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {

	TokenPair(String accessToken, String refreshToken, long expiresIn) {
		this(accessToken, refreshToken, "Bearer", expiresIn);
	}

	/** The answer of cookie mode, where the refresh token never reaches the page. */
	TokenPair withoutRefreshToken() {
		return new TokenPair(this.accessToken, null, this.tokenType, this.expiresIn);
	}

}
