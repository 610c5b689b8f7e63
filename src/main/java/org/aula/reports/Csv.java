package org.aula.reports;

import java.util.List;

/**
 * Writes RFC 4180 CSV: records end with CRLF, a field containing a comma, a double quote,
 * CR or LF is enclosed in double quotes, and a double quote inside it is doubled.
 */
final class Csv {

	static final String CRLF = "\r\n";

	private final StringBuilder out = new StringBuilder();

	/** Appends one record. */
	Csv record(List<String> fields) {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				this.out.append(',');
			}
			this.out.append(field(fields.get(i)));
		}
		this.out.append(CRLF);
		return this;
	}

	/** One field, quoted when needed; null is an empty field. */
	static String field(String value) {
		if (value == null) {
			return "";
		}
		boolean quote = false;
		for (int i = 0; i < value.length() && !quote; i++) {
			char c = value.charAt(i);
			quote = c == ',' || c == '"' || c == '\r' || c == '\n';
		}
		return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
	}

	/**
	 * Free text that people other than the reader typed (a course title): a leading
	 * {@code = + - @}, tab or CR would make a spreadsheet read it as a formula, so such a
	 * value is prefixed with an apostrophe, which spreadsheets show as text.
	 */
	static String text(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		char first = value.charAt(0);
		boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
				|| first == '\r';
		return formula ? "'" + value : value;
	}

	@Override
	public String toString() {
		return this.out.toString();
	}

}
