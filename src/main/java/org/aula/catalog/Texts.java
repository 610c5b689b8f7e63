package org.aula.catalog;

import java.util.List;

import org.aula.platform.web.FieldError;

/** Length rules for the catalog's free-text fields. */
final class Texts {

	private Texts() {
	}

	static void require(String field, String value, int max, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldError(field, "must not be blank"));
		}
		else {
			optional(field, value, max, errors);
		}
	}

	static void optional(String field, String value, int max, List<FieldError> errors) {
		if (value != null && value.strip().length() > max) {
			errors.add(new FieldError(field, "must be at most " + max + " characters"));
		}
	}

}
