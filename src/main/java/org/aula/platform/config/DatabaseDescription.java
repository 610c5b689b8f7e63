package org.aula.platform.config;

import java.net.URI;

/**
 * Describes a connection target for people without ever echoing credentials or query
 * options that may hold them.
 */
final class DatabaseDescription {

	private DatabaseDescription() {
	}

	static String of(String jdbcUrl) {
		if (jdbcUrl.startsWith("jdbc:h2:")) {
			String location = jdbcUrl.substring("jdbc:h2:".length());
			int options = location.indexOf(';');
			return "H2 (PostgreSQL mode) " + ((options >= 0) ? location.substring(0, options) : location);
		}
		if (jdbcUrl.startsWith("jdbc:postgresql:")) {
			String rest = jdbcUrl.substring("jdbc:postgresql:".length());
			int query = rest.indexOf('?');
			return "PostgreSQL " + ((query >= 0) ? rest.substring(0, query) : rest);
		}
		int colon = jdbcUrl.indexOf(':', 5);
		return (colon > 0) ? jdbcUrl.substring(0, colon) : "unknown";
	}

	static String redis(String url) {
		try {
			URI uri = URI.create(url);
			int port = (uri.getPort() > 0) ? uri.getPort() : 6379;
			return "%s://%s:%d%s".formatted(uri.getScheme(), uri.getHost(), port,
					(uri.getPath() == null) ? "" : uri.getPath());
		}
		catch (IllegalArgumentException ex) {
			return "(unparseable URL)";
		}
	}

}
