package org.aula.audit.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsTest {

	private final JsonMapper json = JsonMapper.builder().build();

	record Account(String login, String passwordHash) {
	}

	@Test
	void dropsCredentialKeysInAnyCaseAtEveryDepth() {
		JsonNode tree = this.json.valueToTree(Map.of("name", "Ana", "PASSWORD", "p", "nested",
				Map.of("clientSecret", "s", "deeper", Map.of("Refresh_Token", "t", "kept", 1)), "list",
				List.of(Map.of("saltedHash", "h", "kept", 2), List.of(Map.of("apiToken", "x")))));

		String cleaned = this.json.writeValueAsString(Credentials.removeFrom(tree));

		assertThat(this.json.readTree(cleaned)).isEqualTo(this.json.readTree("""
				{"name": "Ana", "nested": {"deeper": {"kept": 1}}, "list": [{"kept": 2}, [{}]]}
				"""));
	}

	@Test
	void dropsCredentialComponentsOfObjectsToo() {
		JsonNode tree = this.json.valueToTree(Map.of("account", new Account("ana", "$2a$10$x")));

		assertThat(Credentials.removeFrom(tree).get("account").propertyNames()).containsExactly("login");
	}

	@Test
	void keepsValuesThatMerelyMentionCredentials() {
		JsonNode tree = this.json.valueToTree(Map.of("note", "password changed", "count", 3));

		assertThat(Credentials.removeFrom(tree)).isEqualTo(tree).hasSize(2);
	}

}
