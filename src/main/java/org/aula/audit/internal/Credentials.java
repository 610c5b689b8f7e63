package org.aula.audit.internal;

import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Strips anything that looks like a credential from what is about to be logged. Callers
 * are meant never to pass one; this is the second line of defence, so a slip in some
 * module cannot leave a password, token or hash in the audit log.
 */
final class Credentials {

	private static final List<String> SUSPICIOUS = List.of("password", "secret", "token", "hash");

	private Credentials() {
	}

	/**
	 * Removes, in place and at every depth, each object member whose name looks like a
	 * credential, whatever its value.
	 * @param node a JSON tree
	 * @return the same tree
	 */
	static JsonNode removeFrom(JsonNode node) {
		if (node instanceof ObjectNode object) {
			object.remove(object.propertyNames().stream().filter(Credentials::looksLikeCredential).toList());
		}
		if (node.isContainer()) {
			node.values().forEach(Credentials::removeFrom);
		}
		return node;
	}

	static boolean looksLikeCredential(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return SUSPICIOUS.stream().anyMatch(lower::contains);
	}

}
