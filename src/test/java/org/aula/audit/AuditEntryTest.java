package org.aula.audit;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuditEntryTest {

	@ParameterizedTest
	@ValueSource(strings = { "user.invite", "auth.login.failed", "user.password-reset.completed" })
	void acceptsDottedLowerCaseVerbs(String action) {
		assertThat(AuditEntry.of(action, null, null).action()).isEqualTo(action);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "invite", "User.invite", "user..invite", "user.invite.", ".user", "user.in vite",
			"user_x.invite", "user.invite1", "-user.invite" })
	void rejectsOtherActions(String action) {
		assertThatIllegalArgumentException().isThrownBy(() -> AuditEntry.of(action, null, null));
	}

	@Test
	void rejectsMissingOrOverlongAction() {
		assertThatIllegalArgumentException().isThrownBy(() -> AuditEntry.of(null, null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> AuditEntry.of("a." + "b".repeat(63), null, null));
		assertThat(AuditEntry.of("a." + "b".repeat(62), null, null).action()).hasSize(64);
	}

	@Test
	void rejectsOverlongEntityTypeOrId() {
		String tooLong = "x".repeat(65);
		assertThatIllegalArgumentException().isThrownBy(() -> AuditEntry.of("user.invite", tooLong, "1"));
		assertThatIllegalArgumentException().isThrownBy(() -> AuditEntry.of("user.invite", "user", tooLong));
		assertThat(AuditEntry.of("user.invite", "x".repeat(64), "y".repeat(64)).entityId()).hasSize(64);
	}

	@Test
	void actorIsTheCallersUnlessNamed() {
		UUID actor = UUID.randomUUID();
		AuditEntry entry = AuditEntry.of("user.invite", "user", "1", Map.of("email", "ana@example.org"));

		assertThat(entry.actorId()).isNull();
		AuditEntry named = entry.by(actor);
		assertThat(named.actorId()).isEqualTo(actor);
		assertThat(named.changes()).isEqualTo(entry.changes());
		assertThat(named.by(null).actorId()).isNull();
	}

	@Test
	void changesAreACopyThatMayHoldNulls() {
		Map<String, Object> changes = new HashMap<>();
		changes.put("previousEmail", null);
		AuditEntry entry = AuditEntry.of("user.update", "user", "1", changes);
		changes.put("later", "x");

		assertThat(entry.changes()).containsOnlyKeys("previousEmail");
		assertThat(AuditEntry.of("user.update", "user", "1").changes()).isEmpty();
	}

}
