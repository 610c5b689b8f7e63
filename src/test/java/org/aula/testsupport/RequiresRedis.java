package org.aula.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that needs the real Redis: skipped on a laptop without it, failed in
 * CI.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresRedis.Check.class)
public @interface RequiresRedis {

	class Check implements BeforeAllCallback {

		@Override
		public void beforeAll(ExtensionContext context) {
			ExternalServices.requireRedis();
		}

	}

}
