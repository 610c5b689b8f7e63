package org.aula.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.aula.platform.config.InvalidPlatformConfiguration;
import org.aula.platform.security.OpaqueTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Makes a new installation usable: creates the first admin when there is none and, in the
 * embedded mode, a few demo accounts so that a first-time user can sign in and look
 * around. Several instances starting at once may all try; the unique email index lets one
 * win.
 */
@Component
class FirstAccounts implements ApplicationRunner {

	static final String EMBEDDED_ADMIN = "admin@aula.local";

	static final String DEMO_PASSWORD = "demo-password-2026";

	static final List<DemoUser> DEMO_USERS = List.of(new DemoUser("teacher@aula.local", "Teresa Teacher", Role.TEACHER),
			new DemoUser("ana@aula.local", "Ana Student", Role.STUDENT),
			new DemoUser("ben@aula.local", "Ben Student", Role.STUDENT),
			new DemoUser("carla@aula.local", "Carla Student", Role.STUDENT));

	private static final Logger log = LoggerFactory.getLogger(FirstAccounts.class);

	private final UserAccounts users;

	private final PasswordEncoder passwords;

	private final TransactionTemplate transactions;

	private final Environment environment;

	FirstAccounts(UserAccounts users, PasswordEncoder passwords, TransactionTemplate transactions,
			Environment environment) {
		this.users = users;
		this.passwords = passwords;
		this.transactions = transactions;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean embedded = this.environment.getProperty("aula.embedded", Boolean.class, false);
		createFirstAdmin(embedded);
		if (embedded && this.environment.getProperty("aula.demo.enabled", Boolean.class, true)) {
			createDemoUsers();
		}
	}

	private void createFirstAdmin(boolean embedded) {
		if (this.users.anyAdmin()) {
			return;
		}
		String email = EmailAddresses.normalise(this.environment.getProperty("aula.admin.email"));
		String password = this.environment.getProperty("aula.admin.password");
		if (StringUtils.hasText(email) && StringUtils.hasText(password)) {
			if (!EmailAddresses.isPlausible(email)) {
				throw new InvalidPlatformConfiguration("AULA_ADMIN_EMAIL is not a valid email address");
			}
			PasswordPolicy.problem(password, email).ifPresent((reason) -> {
				throw new InvalidPlatformConfiguration("AULA_ADMIN_PASSWORD " + reason);
			});
			if (create(email, "Administrator", Role.ADMIN, password)) {
				log.info("Created the first admin {} from AULA_ADMIN_EMAIL", email);
			}
			return;
		}
		if (!embedded) {
			log.warn("No admin account exists: set AULA_ADMIN_EMAIL and AULA_ADMIN_PASSWORD and restart to create one");
			return;
		}
		String generated = OpaqueTokens.generate();
		if (create(EMBEDDED_ADMIN, "Administrator", Role.ADMIN, generated)) {
			// Printed once, to the console only: it is the one way into a fresh embedded
			// install.
			System.out.println("""

					+------------------------------------------------------------------+
					| First admin created. This password is shown only once:           |
					|   email:    %-52s |
					|   password: %-52s |
					| Change it after signing in (PATCH /api/me).                      |
					+------------------------------------------------------------------+
					""".formatted(EMBEDDED_ADMIN, generated));
		}
	}

	private void createDemoUsers() {
		int created = 0;
		for (DemoUser demo : DEMO_USERS) {
			if (this.users.byEmail(demo.email()).isEmpty()
					&& create(demo.email(), demo.name(), demo.role(), DEMO_PASSWORD)) {
				created++;
			}
		}
		if (created > 0) {
			System.out.println("Demo accounts (embedded mode; aula.demo.enabled=false to skip): "
					+ String.join(", ", DEMO_USERS.stream().map(DemoUser::email).toList()) + " — password "
					+ DEMO_PASSWORD);
		}
	}

	private boolean create(String email, String fullName, Role role, String password) {
		String hash = this.passwords.encode(password);
		try {
			return Boolean.TRUE.equals(this.transactions.execute((status) -> {
				Instant now = Instant.now();
				this.users.insert(new UserAccount(UUID.randomUUID(), email, fullName, null, role, hash, true, true, now,
						now, null));
				return true;
			}));
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	record DemoUser(String email, String name, Role role) {
	}

}
