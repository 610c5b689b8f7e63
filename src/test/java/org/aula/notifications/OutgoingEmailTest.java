package org.aula.notifications;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class OutgoingEmailTest {

	@ParameterizedTest
	@ValueSource(strings = { "ana@example.org", "Ana.Perez+aula@mail.example.co.uk", "admin@localhost" })
	void acceptsPlausibleAddresses(String address) {
		assertThat(new OutgoingEmail(address, "Welcome", "Hello").to()).isEqualTo(address);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "ana", "ana@", "@example.org", "ana@@example.org", "ana@exa@mple.org",
			"ana perez@example.org", "ana@example.org\r\nBcc: eve@example.org", "ana@.example.org",
			"ana@example.org." })
	void rejectsImplausibleAddresses(String address) {
		assertThatIllegalArgumentException().isThrownBy(() -> new OutgoingEmail(address, "Welcome", "Hello"));
	}

	@Test
	void rejectsOverlongOrMissingAddress() {
		String longest = "a".repeat(64) + "@" + "b".repeat(251) + ".org";
		assertThat(longest).hasSize(320);
		assertThat(new OutgoingEmail(longest, "Welcome", "").to()).isEqualTo(longest);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OutgoingEmail("a".repeat(64) + "@" + "b".repeat(252) + ".org", "Welcome", ""));
		assertThatIllegalArgumentException().isThrownBy(() -> new OutgoingEmail(null, "Welcome", ""));
	}

	@Test
	void subjectIsOneLineOfOneToThreeHundredCharacters() {
		assertThat(new OutgoingEmail("ana@example.org", "x".repeat(300), "").subject()).hasSize(300);
		assertThatIllegalArgumentException().isThrownBy(() -> new OutgoingEmail("ana@example.org", "", ""));
		assertThatIllegalArgumentException().isThrownBy(() -> new OutgoingEmail("ana@example.org", null, ""));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OutgoingEmail("ana@example.org", "x".repeat(301), ""));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OutgoingEmail("ana@example.org", "Hi\r\nBcc: eve@example.org", ""));
	}

	@Test
	void bodyIsRequiredButMayBeEmpty() {
		assertThat(new OutgoingEmail("ana@example.org", "Welcome", "").body()).isEmpty();
		assertThatNullPointerException().isThrownBy(() -> new OutgoingEmail("ana@example.org", "Welcome", null));
	}

	@Test
	void printsWithoutTheBody() {
		assertThat(new OutgoingEmail("ana@example.org", "Reset", "https://aula.example/reset?t=secret"))
			.hasToString("OutgoingEmail[to=ana@example.org, subject=Reset]");
	}

}
