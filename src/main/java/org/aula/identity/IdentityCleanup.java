package org.aula.identity;

import java.time.Clock;
import java.time.Instant;

import org.aula.platform.jobs.Batches;
import org.aula.platform.jobs.JobContext;
import org.aula.platform.jobs.JobHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes, in batches, what can no longer be used: refresh tokens of logins that ended,
 * expired invitations and expired password-reset tokens, each once its retention has
 * passed ({@code aula.identity.cleanup.*}). Runs daily as {@value #TYPE}; deleting what
 * is already gone changes nothing, so running it twice is harmless.
 */
@Component
class IdentityCleanup implements JobHandler {

	static final String TYPE = "identity.cleanup";

	private static final Logger logger = LoggerFactory.getLogger(IdentityCleanup.class);

	private final RefreshTokens refreshTokens;

	private final InvitationTokens invitations;

	private final ResetTokens resets;

	private final IdentitySettings.Cleanup settings;

	private final TransactionTemplate transactions;

	private final Clock clock = Clock.systemUTC();

	IdentityCleanup(RefreshTokens refreshTokens, InvitationTokens invitations, ResetTokens resets,
			IdentitySettings settings, TransactionTemplate transactions) {
		this.refreshTokens = refreshTokens;
		this.invitations = invitations;
		this.resets = resets;
		this.settings = settings.cleanup();
		this.transactions = transactions;
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public void run(JobContext job) throws InterruptedException {
		Instant now = this.clock.instant();
		Instant tokensCutoff = now.minus(this.settings.refreshTokenRetention());
		Instant invitationsCutoff = now.minus(this.settings.invitationRetention());
		Instant resetsCutoff = now.minus(this.settings.passwordResetRetention());
		Batches batches = Batches.of(job, this.transactions, this.settings.batchSize(), 3);
		batches.repeat("refresh tokens", (limit) -> this.refreshTokens.deleteEndedFamilies(tokensCutoff, limit));
		batches.repeat("invitations", (limit) -> this.invitations.deleteExpiredBefore(invitationsCutoff, limit));
		batches.repeat("password resets", (limit) -> this.resets.deleteExpiredBefore(resetsCutoff, limit));
		logger.info("Identity cleanup deleted {}", batches.summary());
	}

}
