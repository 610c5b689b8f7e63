package org.aula.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.aula.platform.web.ProbeEndpoints;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application in its embedded mode on a random port, with a private in-memory
 * H2 and every adapter in memory, plus the test-only probe endpoints. Access tokens are
 * signed with {@link TestTokens#SECRET}, so {@link TestTokens} makes tokens it accepts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=" + EmbeddedAulaTest.H2_URL,
				"aula.tokens.jwt-secret=" + TestTokens.SECRET })
@Import(ProbeEndpoints.class)
public @interface EmbeddedAulaTest {

	String H2_URL = "jdbc:h2:mem:aula-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
			+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1";

}
