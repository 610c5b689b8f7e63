package org.aula.identity;

import org.aula.identity.tokens.TestAccessTokens;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinkSignaturesTest {

	private final LinkSignatures signatures = new LinkSignatures(
			TestAccessTokens.signedWith(TestTokens.SECRET)::derivedKey);

	@Test
	void verifiesItsOwnSignatureAndAnotherInstanceWithTheSameKeyDoesToo() {
		String signature = this.signatures.sign("media", "abc\n42");
		LinkSignatures otherInstance = new LinkSignatures(TestAccessTokens.signedWith(TestTokens.SECRET)::derivedKey);

		assertThat(signature).matches("[A-Za-z0-9_-]{43}");
		assertThat(this.signatures.verify("media", "abc\n42", signature)).isTrue();
		assertThat(otherInstance.verify("media", "abc\n42", signature)).isTrue();
	}

	@Test
	void refusesAnotherMessageAnotherPurposeAnotherKeyAndGarbage() {
		String signature = this.signatures.sign("media", "abc\n42");
		LinkSignatures otherKey = new LinkSignatures(
				TestAccessTokens.signedWith("another-secret-of-at-least-32-bytes!!")::derivedKey);

		assertThat(this.signatures.verify("media", "abc\n43", signature)).isFalse();
		assertThat(this.signatures.verify("other", "abc\n42", signature)).isFalse();
		assertThat(otherKey.verify("media", "abc\n42", signature)).isFalse();
		assertThat(this.signatures.verify("media", "abc\n42", null)).isFalse();
		assertThat(this.signatures.verify("media", "abc\n42", "")).isFalse();
		assertThat(this.signatures.verify("media", "abc\n42", signature + "A")).isFalse();
		assertThat(this.signatures.verify("media", "abc\n42", "ü".repeat(43))).isFalse();
	}

}
