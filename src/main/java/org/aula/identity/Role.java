package org.aula.identity;

/**
 * What a user may do on the platform; carried in every access token's {@code role} claim.
 */
public enum Role {

	ADMIN, TEACHER, STUDENT

}
