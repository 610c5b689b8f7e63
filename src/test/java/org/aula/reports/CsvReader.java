package org.aula.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader for the tests: every record ends with CRLF, a quoted field may
 * hold commas, CR, LF and doubled quotes, and anything else (a bare CR or LF, a quote
 * inside an unquoted field, text after a closing quote) is an error.
 */
final class CsvReader {

	private CsvReader() {
	}

	static List<List<String>> read(String text) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		int i = 0;
		while (i < text.length()) {
			if (text.charAt(i) == '"') {
				i++;
				while (true) {
					if (i >= text.length()) {
						throw new IllegalArgumentException("Unclosed quote in record " + (records.size() + 1));
					}
					char c = text.charAt(i++);
					if (c == '"') {
						if (i < text.length() && text.charAt(i) == '"') {
							field.append('"');
							i++;
						}
						else {
							break;
						}
					}
					else {
						field.append(c);
					}
				}
			}
			else {
				while (i < text.length() && ",\r\n".indexOf(text.charAt(i)) < 0) {
					if (text.charAt(i) == '"') {
						throw new IllegalArgumentException("Quote inside an unquoted field at " + i);
					}
					field.append(text.charAt(i++));
				}
			}
			if (i >= text.length()) {
				throw new IllegalArgumentException("The last record does not end with CRLF");
			}
			char separator = text.charAt(i);
			record.add(field.toString());
			field.setLength(0);
			if (separator == ',') {
				i++;
			}
			else if (separator == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
				records.add(List.copyOf(record));
				record.clear();
				i += 2;
			}
			else {
				throw new IllegalArgumentException("Unexpected character " + (int) separator + " at " + i);
			}
		}
		return records;
	}

}
