package org.aula.audit.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.aula.platform.web.FieldError;
import org.aula.platform.web.InvalidInput;

/**
 * Which audit entries an administrator asks for; every criterion is optional.
 *
 * @param actor only entries by this user
 * @param action only entries with exactly this action
 * @param entityType only entries about this kind of entity
 * @param from only entries recorded at or after this instant
 * @param to only entries recorded before this instant
 */
record AuditFilter(UUID actor, String action, String entityType, Instant from, Instant to) {

	private static final int MAX_LENGTH = 64;

	// Both databases store far narrower ranges than Instant allows; beyond these the
	// query
	// would fail instead of answering.
	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

	AuditFilter {
		// An empty field of a search form means "any", as it does for the typed
		// parameters.
		action = (action == null || action.isBlank()) ? null : action;
		entityType = (entityType == null || entityType.isBlank()) ? null : entityType;
		List<FieldError> errors = new ArrayList<>();
		if (action != null && action.length() > MAX_LENGTH) {
			errors.add(new FieldError("action", "must be at most " + MAX_LENGTH + " characters"));
		}
		if (entityType != null && entityType.length() > MAX_LENGTH) {
			errors.add(new FieldError("entityType", "must be at most " + MAX_LENGTH + " characters"));
		}
		if (outOfRange(from)) {
			errors.add(new FieldError("from", "must be between years 1 and 9999"));
		}
		if (outOfRange(to)) {
			errors.add(new FieldError("to", "must be between years 1 and 9999"));
		}
		if (from != null && to != null && !from.isBefore(to)) {
			errors.add(new FieldError("to", "must be after from"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
	}

	private static boolean outOfRange(Instant instant) {
		return instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST));
	}

}
