package org.aula.identity;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.aula.platform.web.PageQuery;
import org.aula.platform.web.PageResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: users")
class AdminUsersController {

	private final UserAccounts users;

	private final Accounts accounts;

	AdminUsersController(UserAccounts users, Accounts accounts) {
		this.users = users;
		this.accounts = accounts;
	}

	@GetMapping("/api/admin/users")
	@Operation(summary = "Search users by email, name or national id, role and active flag")
	PageResponse<UserView> search(@RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(required = false) Role role, @RequestParam(required = false) Boolean active,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		PageResponse<UserAccount> found = this.users.search(q, role, active, PageQuery.of(page, size));
		return new PageResponse<>(found.items().stream().map(UserView::of).toList(), found.page(), found.size(),
				found.totalItems(), found.totalPages());
	}

	@PatchMapping("/api/admin/users/{id}")
	@Operation(summary = "Change a user's role or active flag; either signs the user out everywhere")
	UserView administer(@PathVariable UUID id, @Valid @RequestBody AdministerUser body) {
		return UserView.of(this.accounts.administer(id, body.role(), body.active()));
	}

	record AdministerUser(Role role, Boolean active) {
	}

}
