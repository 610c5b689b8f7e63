package org.aula.certificates;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateCodesTest {

	private final CertificateCodes codes = new CertificateCodes(new SecureRandom());

	@Test
	void newCodesAreFourGroupsOfFourCrockfordCharactersAndDoNotRepeat() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String code = this.codes.next();
			assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
			assertThat(seen.add(code)).as("repeated " + code).isTrue();
		}
	}

	@Test
	void acceptsACodeInAnyCaseWithOrWithoutDashes() {
		assertThat(CertificateCodes.normalise("7K3M-Q9XD-2HPA-W5RT")).contains("7K3M-Q9XD-2HPA-W5RT");
		assertThat(CertificateCodes.normalise("7k3mq9xd2hpaw5rt")).contains("7K3M-Q9XD-2HPA-W5RT");
		assertThat(CertificateCodes.normalise("7K3M Q9XD 2HPA W5RT")).contains("7K3M-Q9XD-2HPA-W5RT");
		assertThat(CertificateCodes.normalise("7K-3MQ9-XD2HPAW-5RT")).contains("7K3M-Q9XD-2HPA-W5RT");
	}

	@Test
	void readsLettersThatLookLikeDigitsAsTheDigits() {
		assertThat(CertificateCodes.normalise("OOOO-IIII-LLLL-oil0")).contains("0000-1111-1111-0110");
	}

	@Test
	void refusesInputThatCannotBeACode() {
		assertThat(CertificateCodes.normalise(null)).isEmpty();
		assertThat(CertificateCodes.normalise("")).isEmpty();
		assertThat(CertificateCodes.normalise("7K3M-Q9XD-2HPA")).isEmpty();
		assertThat(CertificateCodes.normalise("7K3M-Q9XD-2HPA-W5RTX")).isEmpty();
		assertThat(CertificateCodes.normalise("UUUU-Q9XD-2HPA-W5RT")).isEmpty();
		assertThat(CertificateCodes.normalise("7K3M/Q9XD/2HPA/W5RT")).isEmpty();
		assertThat(CertificateCodes.normalise("ıııı-Q9XD-2HPA-W5RT")).isEmpty();
		assertThat(CertificateCodes.normalise("７K3M-Q9XD-2HPA-W5RT")).isEmpty();
		assertThat(CertificateCodes.normalise("-".repeat(10_000))).isEmpty();
	}

}
