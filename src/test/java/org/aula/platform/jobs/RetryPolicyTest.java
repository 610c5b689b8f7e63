package org.aula.platform.jobs;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetryPolicyTest {

	private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(10), Duration.ofMinutes(1));

	@Test
	void doublesTheDelayAfterEachFailure() {
		assertThat(this.policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
		assertThat(this.policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
		assertThat(this.policy.delayAfter(3)).isEqualTo(Duration.ofSeconds(40));
	}

	@Test
	void capsTheDelayEvenAfterManyFailures() {
		assertThat(this.policy.delayAfter(4)).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.policy.delayAfter(1_000)).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void rejectsPoliciesThatCannotWork() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(3, Duration.ofMinutes(2), Duration.ofMinutes(1)));
	}

	@Test
	void jobRequestRejectsMalformedTypesAndOversizedPayloads() {
		assertThatIllegalArgumentException().isThrownBy(() -> JobRequest.of("Email Deliver", "x"));
		assertThatIllegalArgumentException().isThrownBy(() -> JobRequest.of("email..deliver", "x"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JobRequest.of("email.deliver", "x".repeat(JobRequest.MAX_PAYLOAD_LENGTH + 1)));
		assertThatIllegalArgumentException().isThrownBy(() -> JobRequest.of("email.deliver", "x").serialisedBy(" "));
		assertThat(JobRequest.of("email.deliver", "42").serialisedBy("k").serialKey()).isEqualTo("k");
	}

}
