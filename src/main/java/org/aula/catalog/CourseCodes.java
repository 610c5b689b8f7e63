package org.aula.catalog;

import java.util.regex.Pattern;

/**
 * A course code: 2 to 6 capital letters, a dash, 1 to 4 digits ({@code MAT-101}). Codes
 * appear in URLs, so the rule keeps them short and unambiguous; they never change.
 */
final class CourseCodes {

	static final String RULE = "must be 2 to 6 capital letters, a dash and 1 to 4 digits, such as MAT-101";

	private static final Pattern CODE = Pattern.compile("[A-Z]{2,6}-[0-9]{1,4}");

	private CourseCodes() {
	}

	static boolean isValid(String code) {
		return code != null && CODE.matcher(code).matches();
	}

}
