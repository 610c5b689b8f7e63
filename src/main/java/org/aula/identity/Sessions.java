package org.aula.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.aula.identity.tokens.AccessToken;
import org.aula.identity.tokens.AccessTokenRevocations;
import org.aula.identity.tokens.AccessTokens;
import org.aula.platform.security.OpaqueTokens;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Logins, refreshes and logouts. A login starts a token family; each refresh spends the
 * presented refresh token and hands out the next one in the same family. Presenting a
 * spent token again means two parties hold it, so the whole family dies (RFC 9700 §4.14).
 */
@Service
class Sessions {

	private final UserAccounts users;

	private final RefreshTokens refreshTokens;

	private final PasswordEncoder passwords;

	private final AccessTokens accessTokens;

	private final AccessTokenRevocations revocations;

	private final LoginThrottle throttle;

	private final IdentityAudit audit;

	private final TransactionTemplate transactions;

	private final Duration refreshTokenTtl;

	/**
	 * Checked against when the email is unknown, so that case costs a hash like any
	 * other.
	 */
	private final String decoyHash;

	Sessions(UserAccounts users, RefreshTokens refreshTokens, PasswordEncoder passwords, AccessTokens accessTokens,
			AccessTokenRevocations revocations, LoginThrottle throttle, IdentityAudit audit,
			TransactionTemplate transactions, IdentitySettings settings) {
		this.users = users;
		this.refreshTokens = refreshTokens;
		this.passwords = passwords;
		this.accessTokens = accessTokens;
		this.revocations = revocations;
		this.throttle = throttle;
		this.audit = audit;
		this.transactions = transactions;
		this.refreshTokenTtl = settings.refreshTokenTtl();
		this.decoyHash = passwords.encode(OpaqueTokens.generate());
	}

	TokenPair login(String rawEmail, String password, String address) {
		String email = EmailAddresses.normalise(rawEmail);
		this.throttle.beforeLogin(email, address);
		Optional<UserAccount> found = this.users.byEmail(email);
		String hash = found.filter(UserAccount::canSignIn).map(UserAccount::passwordHash).orElse(this.decoyHash);
		boolean matches = this.passwords.matches((password != null) ? password : "", hash);
		if (!matches || found.isEmpty() || !found.get().canSignIn()) {
			this.throttle.loginFailed(email, address);
			this.transactions.executeWithoutResult((status) -> this.audit.anonymous("auth.login.failed",
					Map.of("email", email, "knownUser", found.isPresent())));
			throw AuthenticationFailed.credentials();
		}
		UserAccount user = found.get();
		return this.transactions.execute((status) -> {
			Instant now = Instant.now();
			this.users.recordLogin(user.id(), now);
			this.audit.userBy(user.id(), "auth.login", user.id(), Map.of());
			return issue(user, UUID.randomUUID(), now);
		});
	}

	TokenPair refresh(String refreshToken, String address) {
		this.throttle.beforeRefresh(address);
		if (!OpaqueTokens.isWellFormed(refreshToken)) {
			throw AuthenticationFailed.refreshToken();
		}
		String hash = OpaqueTokens.hash(refreshToken);
		Optional<TokenPair> rotated = this.transactions.execute((status) -> {
			Instant now = Instant.now();
			if (this.refreshTokens.spend(hash, now)) {
				RefreshTokens.Token spent = this.refreshTokens.byHash(hash).orElseThrow();
				Optional<UserAccount> user = this.users.byId(spent.userId()).filter(UserAccount::canSignIn);
				if (user.isEmpty()) {
					this.refreshTokens.revokeFamily(spent.familyId(), now);
					return Optional.empty();
				}
				return Optional.of(issue(user.get(), spent.familyId(), now));
			}
			this.refreshTokens.byHash(hash)
				.filter((token) -> token.usedAt() != null && token.revokedAt() == null)
				.ifPresent((reused) -> {
					this.refreshTokens.revokeFamily(reused.familyId(), now);
					this.revocations.revokeFamily(reused.familyId());
					this.audit.userBy(null, "auth.refresh.reuse", reused.userId(),
							Map.of("family", reused.familyId().toString()));
				});
			return Optional.empty();
		});
		return rotated.orElseThrow(AuthenticationFailed::refreshToken);
	}

	/**
	 * Ends the caller's session: the access token in hand and its whole family stop
	 * working at once, and so does each presented refresh token's family (from the body
	 * or the session cookie) if it is the caller's.
	 */
	void logout(UUID userId, String accessTokenId, Instant accessTokenExpiry, UUID family, List<String> refreshTokens) {
		this.transactions.executeWithoutResult((status) -> {
			Instant now = Instant.now();
			this.revocations.revokeToken(accessTokenId, accessTokenExpiry);
			if (family != null) {
				this.refreshTokens.revokeFamily(family, now);
				this.revocations.revokeFamily(family);
			}
			refreshTokens.stream()
				.filter(OpaqueTokens::isWellFormed)
				.map((refreshToken) -> this.refreshTokens.byHash(OpaqueTokens.hash(refreshToken)))
				.flatMap(Optional::stream)
				.filter((token) -> token.userId().equals(userId) && !token.familyId().equals(family))
				.map(RefreshTokens.Token::familyId)
				.distinct()
				.forEach((presentedFamily) -> {
					this.refreshTokens.revokeFamily(presentedFamily, now);
					this.revocations.revokeFamily(presentedFamily);
				});
			this.audit.user("auth.logout", userId, Map.of());
		});
	}

	/**
	 * Signs the user out everywhere but one session, within the caller's transaction.
	 * @param except the family to keep, or null to end every session
	 */
	void endAllSessions(UUID userId, UUID except) {
		List<UUID> families = this.refreshTokens.revokeAllFamilies(userId, except, Instant.now());
		families.forEach(this.revocations::revokeFamily);
	}

	private TokenPair issue(UserAccount user, UUID family, Instant now) {
		String refresh = OpaqueTokens.generate();
		this.refreshTokens.insert(user.id(), family, OpaqueTokens.hash(refresh), now, now.plus(this.refreshTokenTtl));
		AccessToken access = this.accessTokens.issue(user.id(), user.role().name(), family);
		return new TokenPair(access.value(), refresh, this.accessTokens.timeToLive().toSeconds());
	}

}
