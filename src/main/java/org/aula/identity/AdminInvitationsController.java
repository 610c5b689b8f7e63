package org.aula.identity;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.aula.platform.web.PageQuery;
import org.aula.platform.web.PageResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: invitations")
class AdminInvitationsController {

	private final Registration registration;

	private final InvitationTokens invitations;

	AdminInvitationsController(Registration registration, InvitationTokens invitations) {
		this.registration = registration;
		this.invitations = invitations;
	}

	@PostMapping("/api/admin/invitations")
	@Operation(summary = "Invite an address with a role; the single-use link goes out by email")
	ResponseEntity<InvitationView> invite(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody InviteRequest body) {
		Invitation invitation = this.registration.invite(CurrentUser.id(jwt), body.email(), body.role());
		return ResponseEntity.created(URI.create("/api/admin/invitations/" + invitation.id()))
			.body(InvitationView.of(invitation, Instant.now()));
	}

	@GetMapping("/api/admin/invitations")
	@Operation(summary = "Invitations, newest first, with their status")
	PageResponse<InvitationView> list(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		PageResponse<Invitation> found = this.invitations.page(PageQuery.of(page, size));
		Instant now = Instant.now();
		return new PageResponse<>(found.items().stream().map((i) -> InvitationView.of(i, now)).toList(), found.page(),
				found.size(), found.totalItems(), found.totalPages());
	}

	@DeleteMapping("/api/admin/invitations/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Withdraw a pending invitation")
	void withdraw(@PathVariable UUID id) {
		this.registration.withdraw(id);
	}

	record InviteRequest(@NotBlank @Size(max = 320) String email, @NotNull Role role) {
	}

	record InvitationView(UUID id, String email, Role role, String status, UUID invitedBy, Instant createdAt,
			Instant expiresAt, Instant acceptedAt) {

		static InvitationView of(Invitation invitation, Instant now) {
			return new InvitationView(invitation.id(), invitation.email(), invitation.role(), invitation.status(now),
					invitation.invitedBy(), invitation.createdAt(), invitation.expiresAt(), invitation.acceptedAt());
		}

	}

}
