package org.aula.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.aula.platform.jdbc.Timestamps;
import org.aula.platform.seeding.SeedPlan;
import org.aula.platform.seeding.SeedRows;
import org.aula.platform.seeding.SeedStep;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Seeds teachers and students, all registered and active, with the plan's password.
 */
@Component
class IdentitySeed implements SeedStep {

	private static final String[] FIRST_NAMES = { "Ana", "Ben", "Carla", "Diego", "Elena", "Farid", "Greta", "Hugo",
			"Inés", "Jon", "Kira", "Lucía", "Mateo", "Nora", "Óscar", "Paula", "Quique", "Rosa", "Sergio", "Tania" };

	private static final String[] LAST_NAMES = { "García", "Smith", "Fernández", "Jones", "López", "Müller", "Martínez",
			"Brown", "Sánchez", "Rossi", "Pérez", "Dubois", "Gómez", "Kowalski", "Ruiz", "Silva" };

	private final SeedRows rows;

	IdentitySeed(SeedRows rows) {
		this.rows = rows;
	}

	@Override
	public String module() {
		return "identity";
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public Map<String, Long> seed(SeedPlan plan) {
		String hash = seededPasswordHash();
		Instant now = Instant.now();
		Stream<Object[]> teachers = IntStream.range(0, plan.teachers())
			.mapToObj((t) -> user(plan.teacherId(t), plan.teacherEmail(t), name(plan, "teacher-name", t), Role.TEACHER,
					hash, now.minus(Duration.ofDays(365))));
		Stream<Object[]> students = IntStream.rangeClosed(1, plan.students())
			.mapToObj((s) -> user(plan.studentId(s), plan.studentEmail(s), name(plan, "student-name", s), Role.STUDENT,
					hash, now.minus(Duration.ofMinutes(plan.random("joined", s).nextLong(1, 180 * 24 * 60)))));
		Map<String, Long> created = new LinkedHashMap<>();
		created.put("users", this.rows.insert("users", List.of("id", "email", "full_name", "role", "password_hash",
				"active", "registered", "created_at", "registered_at"), Stream.concat(teachers, students)));
		return created;
	}

	/**
	 * One hash shared by every seeded user, with light Argon2id parameters (1 MiB, one
	 * pass) that the stored hash records. Thousands of load-test users then sign in
	 * within a ramp-up of two minutes on a small machine and the load test measures the
	 * platform rather than the hash; real accounts keep the full parameters.
	 */
	static String seededPasswordHash() {
		return "{argon2}" + new Argon2PasswordEncoder(16, 32, 1, 1 << 10, 1).encode(SeedPlan.PASSWORD);
	}

	private static String name(SeedPlan plan, String purpose, long index) {
		var random = plan.random(purpose, index);
		return FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " " + LAST_NAMES[random.nextInt(LAST_NAMES.length)];
	}

	private static Object[] user(UUID id, String email, String name, Role role, String hash, Instant at) {
		return new Object[] { id, email, name, role.name(), hash, true, true, Timestamps.of(at), Timestamps.of(at) };
	}

}
