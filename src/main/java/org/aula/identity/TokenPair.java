package org.aula.identity;

/**
 * What a successful login or refresh returns.
 *
 * @param accessToken the signed JWT to send as {@code Authorization: Bearer ...}
 * @param refreshToken the opaque, single-use token that gets the next pair
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until the access token expires
 */
record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {

	TokenPair(String accessToken, String refreshToken, long expiresIn) {
		this(accessToken, refreshToken, "Bearer", expiresIn);
	}

}
