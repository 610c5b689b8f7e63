package org.aula.platform.revocation;

import java.time.Clock;

class TokenRevocationsMemoryTest extends TokenRevocationsContract {

	@Override
	TokenRevocations createRevocations() {
		return new InMemoryTokenRevocations(Clock.systemUTC());
	}

}
