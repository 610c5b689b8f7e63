package org.aula.identity;

import java.time.Duration;

import org.aula.platform.ratelimit.RateLimitDecision;
import org.aula.platform.ratelimit.RateLimitRule;
import org.aula.platform.ratelimit.RateLimited;
import org.aula.platform.ratelimit.RateLimiter;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing and abuse of the unauthenticated endpoints. Counts live in
 * the rate-limit adapter, so with Redis they hold across every instance. Failed logins
 * count per account and client address: a burst of failures from one address cannot lock
 * the owner out from another, and a successful login elsewhere does not wipe an
 * attacker's count.
 */
@Component
class LoginThrottle {

	private final RateLimiter limiter;

	private final RateLimitRule loginAttempts;

	private final RateLimitRule loginFailures;

	private final RateLimitRule forgot;

	private final RateLimitRule register;

	private final RateLimitRule refresh;

	LoginThrottle(RateLimiter limiter, IdentitySettings settings) {
		IdentitySettings.Throttle throttle = settings.throttle();
		this.limiter = limiter;
		this.loginAttempts = new RateLimitRule("login-address", throttle.loginAttemptsPerAddress(),
				Duration.ofMinutes(1));
		this.loginFailures = new RateLimitRule("login-failures", throttle.loginFailuresPerAccount(),
				throttle.loginFailuresPeriod());
		this.forgot = new RateLimitRule("forgot-address", throttle.forgotPerAddress(), Duration.ofMinutes(15));
		this.register = new RateLimitRule("register-address", throttle.registerPerAddress(), Duration.ofHours(1));
		this.refresh = new RateLimitRule("refresh-address", throttle.refreshPerAddress(), Duration.ofMinutes(1));
	}

	/**
	 * Counts a login attempt and refuses it if the address or the account is over its
	 * limit.
	 */
	void beforeLogin(String email, String address) {
		require(this.limiter.tryConsume(address, this.loginAttempts));
		require(this.limiter.peek(failureKey(email, address), this.loginFailures));
	}

	void loginFailed(String email, String address) {
		this.limiter.tryConsume(failureKey(email, address), this.loginFailures);
	}

	void beforeForgot(String address) {
		require(this.limiter.tryConsume(address, this.forgot));
	}

	void beforeRegister(String address) {
		require(this.limiter.tryConsume(address, this.register));
	}

	void beforeRefresh(String address) {
		require(this.limiter.tryConsume(address, this.refresh));
	}

	private static String failureKey(String email, String address) {
		return email + "|" + address;
	}

	private static void require(RateLimitDecision decision) {
		if (!decision.allowed()) {
			throw new RateLimited(decision);
		}
	}

}
