package org.aula.identity;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.aula.platform.web.InvalidInput;
import org.aula.platform.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
@Tag(name = "Authentication")
class AuthController {

	private final Sessions sessions;

	private final Registration registration;

	private final PasswordRecovery recovery;

	private final LoginThrottle throttle;

	private final SessionCookies cookies;

	AuthController(Sessions sessions, Registration registration, PasswordRecovery recovery, LoginThrottle throttle,
			SessionCookies cookies) {
		this.sessions = sessions;
		this.registration = registration;
		this.recovery = recovery;
		this.throttle = throttle;
		this.cookies = cookies;
	}

	@PostMapping("/login")
	@Operation(summary = "Sign in with email and password; returns an access and a refresh token",
			description = "With session=cookie the refresh token is set as the HttpOnly aula_refresh cookie (path"
					+ " /api/auth) and a CSRF token as the aula_csrf cookie, instead of in the body.")
	ResponseEntity<TokenPair> login(@Valid @RequestBody LoginRequest body,
			@RequestParam(name = "session", required = false) String session, HttpServletRequest request) {
		boolean cookieMode = SessionCookies.requested(session);
		TokenPair tokens = this.sessions.login(body.email(), body.password(), request.getRemoteAddr());
		return cookieMode ? inCookies(tokens, request) : ResponseEntity.ok(tokens);
	}

	@PostMapping("/refresh")
	@Operation(summary = "Trade a refresh token for a new pair; the old refresh token stops working",
			description = "The refresh token comes in the body, or else from the aula_refresh cookie; the cookie"
					+ " also needs the X-CSRF-Token header equal to the aula_csrf cookie, and the new refresh token"
					+ " goes back into the cookies.")
	ResponseEntity<TokenPair> refresh(@Valid @RequestBody(required = false) RefreshRequest body,
			HttpServletRequest request) {
		if (body != null && body.refreshToken() != null) {
			if (body.refreshToken().isBlank()) {
				throw new InvalidInput("refreshToken", "must not be blank");
			}
			return ResponseEntity.ok(this.sessions.refresh(body.refreshToken(), request.getRemoteAddr()));
		}
		String cookie = SessionCookies.refreshToken(request).orElse(null);
		if (cookie == null) {
			throw (body == null) ? missingRefreshToken() : new InvalidInput("refreshToken", "must not be blank");
		}
		// Checked before the token is looked at, so a forged request spends nothing.
		SessionCookies.requireCsrf(request);
		TokenPair tokens;
		try {
			tokens = this.sessions.refresh(cookie, request.getRemoteAddr());
		}
		catch (AuthenticationFailed ex) {
			// The cookie will never work again: drop it, so the page stops offering it.
			throw ex.with(this.cookies.clear(request));
		}
		return inCookies(tokens, request);
	}

	@PostMapping("/logout")
	@Operation(summary = "End this session: the access token and its refresh-token family stop working at once",
			description = "A refresh token in the body or the aula_refresh cookie ends its family too; with the"
					+ " cookie, the X-CSRF-Token header must equal the aula_csrf cookie, and both cookies are"
					+ " cleared.")
	ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt jwt, @RequestBody(required = false) LogoutRequest body,
			HttpServletRequest request) {
		String cookie = SessionCookies.refreshToken(request).orElse(null);
		if (cookie != null) {
			SessionCookies.requireCsrf(request);
		}
		List<String> presented = Stream.of((body != null) ? body.refreshToken() : null, cookie)
			.filter(Objects::nonNull)
			.toList();
		this.sessions.logout(CurrentUser.id(jwt), jwt.getId(), jwt.getExpiresAt(), CurrentUser.family(jwt), presented);
		if (cookie == null) {
			return ResponseEntity.noContent().build();
		}
		return ResponseEntity.noContent().headers(this.cookies.clear(request)).build();
	}

	@PostMapping("/register")
	@Operation(summary = "Create an account, with an invitation token or (if enabled) as a student")
	ResponseEntity<UserView> register(@Valid @RequestBody RegisterRequest body, HttpServletRequest request) {
		this.throttle.beforeRegister(request.getRemoteAddr());
		UserAccount user = this.registration.register(body.email(), body.password(), body.fullName(), body.nationalId(),
				body.invitationToken());
		return ResponseEntity.created(URI.create("/api/me")).body(UserView.of(user));
	}

	@PostMapping("/password/forgot")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(
			summary = "Email a password-reset link if the address has an account (the answer is the same either way)")
	void forgot(@Valid @RequestBody ForgotRequest body, HttpServletRequest request) {
		this.throttle.beforeForgot(request.getRemoteAddr());
		this.recovery.requestReset(body.email());
	}

	@PostMapping("/password/reset")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Set a new password with a reset token; every session of the user ends")
	void reset(@Valid @RequestBody ResetRequest body) {
		this.recovery.reset(body.token(), body.newPassword());
	}

	private ResponseEntity<TokenPair> inCookies(TokenPair tokens, HttpServletRequest request) {
		return ResponseEntity.ok()
			.headers(this.cookies.issue(tokens.refreshToken(), request))
			.body(tokens.withoutRefreshToken());
	}

	/** The same answer as a missing body has always had. */
	private static ErrorResponseException missingRefreshToken() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Send the refresh token in the body as {\"refreshToken\": ...}, or the " + SessionCookies.REFRESH
						+ " cookie.");
		problem.setType(ProblemTypes.MALFORMED_REQUEST);
		problem.setTitle("Malformed request body");
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

	record LoginRequest(@NotBlank @Size(max = 320) String email, @NotNull @Size(max = 1024) String password) {
	}

	/** Blank is refused by hand: an absent token may mean the cookie instead. */
	record RefreshRequest(@Size(max = 256) String refreshToken) {
	}

	record LogoutRequest(@Size(max = 256) String refreshToken) {
	}

	record RegisterRequest(@NotBlank @Size(max = 320) String email, @NotNull @Size(max = 1024) String password,
			@NotBlank @Size(max = 200) String fullName,
			@Pattern(regexp = "[A-Za-z0-9.-]{3,32}",
					message = "must be 3 to 32 letters, digits, dots or dashes") String nationalId,
			@Size(max = 256) String invitationToken) {
	}

	record ForgotRequest(@NotBlank @Size(max = 320) String email) {
	}

	record ResetRequest(@NotBlank @Size(max = 256) String token, @NotNull @Size(max = 1024) String newPassword) {
	}

}
