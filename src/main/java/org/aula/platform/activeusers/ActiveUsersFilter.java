package org.aula.platform.activeusers;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Notes the signed-in user of every request, once the security chain has named them. */
final class ActiveUsersFilter extends OncePerRequestFilter {

	private final ActiveUsers activeUsers;

	ActiveUsersFilter(ActiveUsers activeUsers) {
		this.activeUsers = activeUsers;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			this.activeUsers.seen(authentication.getName());
		}
		chain.doFilter(request, response);
	}

}
