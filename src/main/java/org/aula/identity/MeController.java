package org.aula.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.aula.platform.web.NotFound;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Me")
class MeController {

	private final UserAccounts users;

	private final Accounts accounts;

	MeController(UserAccounts users, Accounts accounts) {
		this.users = users;
		this.accounts = accounts;
	}

	@GetMapping("/api/me")
	@Operation(summary = "The signed-in user")
	UserView me(@AuthenticationPrincipal Jwt jwt) {
		return this.users.byId(CurrentUser.id(jwt)).map(UserView::of).orElseThrow(() -> new NotFound("User"));
	}

	@PatchMapping("/api/me")
	@Operation(
			summary = "Change my name and/or password (a new password needs the current one and ends my other sessions)")
	UserView update(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody UpdateMe body) {
		if (body.fullName() != null && body.fullName().isBlank()) {
			throw new org.aula.platform.web.InvalidInput("fullName", "must not be blank");
		}
		return UserView.of(this.accounts.updateOwn(CurrentUser.id(jwt), CurrentUser.family(jwt), body.fullName(),
				body.currentPassword(), body.newPassword()));
	}

	record UpdateMe(@Size(max = 200) String fullName, @Size(max = 1024) String currentPassword,
			@Size(max = 1024) String newPassword) {
	}

}
