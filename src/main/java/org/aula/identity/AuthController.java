package org.aula.identity;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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

	AuthController(Sessions sessions, Registration registration, PasswordRecovery recovery, LoginThrottle throttle) {
		this.sessions = sessions;
		this.registration = registration;
		this.recovery = recovery;
		this.throttle = throttle;
	}

	@PostMapping("/login")
	@Operation(summary = "Sign in with email and password; returns an access and a refresh token")
	TokenPair login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
		return this.sessions.login(body.email(), body.password(), request.getRemoteAddr());
	}

	@PostMapping("/refresh")
	@Operation(summary = "Trade a refresh token for a new pair; the old refresh token stops working")
	TokenPair refresh(@Valid @RequestBody RefreshRequest body, HttpServletRequest request) {
		return this.sessions.refresh(body.refreshToken(), request.getRemoteAddr());
	}

	@PostMapping("/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "End this session: the access token and its refresh-token family stop working at once")
	void logout(@AuthenticationPrincipal Jwt jwt, @RequestBody(required = false) LogoutRequest body) {
		this.sessions.logout(CurrentUser.id(jwt), jwt.getId(), jwt.getExpiresAt(), CurrentUser.family(jwt),
				(body != null) ? body.refreshToken() : null);
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

	record LoginRequest(@NotBlank @Size(max = 320) String email, @NotNull @Size(max = 1024) String password) {
	}

	record RefreshRequest(@NotBlank @Size(max = 256) String refreshToken) {
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
