package org.aula.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity settings.
 *
 * @param selfRegistration whether anyone may register as a student without an invitation;
 * unset means on in the embedded mode and off otherwise
 * @param invitationTtl how long an invitation link works
 * @param passwordResetTtl how long a password-reset link works
 * @param refreshTokenTtl how long a refresh token works if unused
 * @param publicBaseUrl where users reach Aula, for links in emails
 * @param throttle request limits of the authentication endpoints
 * @param cleanup how long finished tokens and invitations are kept
 */
@ConfigurationProperties("aula.identity")
record IdentitySettings(Boolean selfRegistration, @DefaultValue("7d") Duration invitationTtl,
		@DefaultValue("30m") Duration passwordResetTtl, @DefaultValue("30d") Duration refreshTokenTtl,
		@DefaultValue("http://localhost:8080") String publicBaseUrl, @DefaultValue Throttle throttle,
		@DefaultValue Cleanup cleanup) {

	/**
	 * The daily deletion of tokens and invitations that can no longer be used.
	 *
	 * @param schedule when it runs: six-field cron in UTC, {@code "-"} for never
	 * @param refreshTokenRetention how long the refresh tokens of a login are kept after
	 * the last of them expired. While any token of a login can still be used, every spent
	 * token of it is kept, so presenting one again still ends the session
	 * @param invitationRetention how long an invitation is kept after its link expired,
	 * whether it was accepted, withdrawn or never used
	 * @param passwordResetRetention how long a password-reset token is kept after it
	 * expired, used or not
	 * @param batchSize rows deleted per transaction
	 */
	record Cleanup(@DefaultValue("0 30 3 * * *") String schedule, @DefaultValue("7d") Duration refreshTokenRetention,
			@DefaultValue("30d") Duration invitationRetention, @DefaultValue("7d") Duration passwordResetRetention,
			@DefaultValue("1000") int batchSize) {

		Cleanup {
			if (batchSize < 1) {
				throw new IllegalArgumentException("aula.identity.cleanup.batch-size must be at least 1");
			}
			if (refreshTokenRetention.isNegative() || invitationRetention.isNegative()
					|| passwordResetRetention.isNegative()) {
				throw new IllegalArgumentException("aula.identity.cleanup retentions must not be negative");
			}
		}

	}

	/**
	 * Limits per client address (and per account and address for failed logins).
	 *
	 * @param loginFailuresPerAccount failed logins allowed per account and address
	 * @param loginFailuresPeriod period of that limit
	 * @param loginAttemptsPerAddress login attempts allowed per address per minute
	 * @param forgotPerAddress password-reset requests per address per 15 minutes
	 * @param registerPerAddress registrations per address per hour
	 * @param refreshPerAddress token refreshes per address per minute
	 */
	record Throttle(@DefaultValue("5") long loginFailuresPerAccount, @DefaultValue("15m") Duration loginFailuresPeriod,
			@DefaultValue("50") long loginAttemptsPerAddress, @DefaultValue("5") long forgotPerAddress,
			@DefaultValue("20") long registerPerAddress, @DefaultValue("120") long refreshPerAddress) {
	}

}
