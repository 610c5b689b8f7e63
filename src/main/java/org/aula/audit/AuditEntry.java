package org.aula.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One thing that happened, as a module hands it to the {@link AuditLog}.
 *
 * @param actorId who did it; {@code null} lets the audit log take the authenticated
 * caller, which is nobody for an anonymous request (a failed login, for instance)
 * @param action what happened: a dotted lower-case verb such as {@code user.invite} or
 * {@code auth.login.failed}, at most {@value #MAX_LENGTH} characters
 * @param entityType the kind of thing acted on, e.g. {@code user}; may be null
 * @param entityId which one, e.g. its UUID as text; may be null
 * @param changes what changed, as JSON-serialisable values; never null (empty when not
 * given). Keys naming credentials are dropped before storage, at any depth
 */
public record AuditEntry(UUID actorId, String action, String entityType, String entityId, Map<String, Object> changes) {

	/** The longest action, entity type or entity id the audit log keeps. */
	public static final int MAX_LENGTH = 64;

	private static final Pattern ACTION = Pattern.compile("[a-z]+(\\.[a-z-]+)+");

	/**
	 * Validates every field.
	 * @throws IllegalArgumentException when the action is not a dotted lower-case verb or
	 * a field is longer than {@value #MAX_LENGTH} characters
	 */
	public AuditEntry {
		if (action == null || action.length() > MAX_LENGTH || !ACTION.matcher(action).matches()) {
			throw new IllegalArgumentException(
					"Audit action must be a dotted lower-case verb such as user.invite, at most " + MAX_LENGTH
							+ " characters: " + action);
		}
		requireShort("entityType", entityType);
		requireShort("entityId", entityId);
		changes = (changes != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(changes)) : Map.of();
	}

	/**
	 * An entry whose actor is the authenticated caller, if any.
	 * @param action dotted lower-case verb
	 * @param entityType kind of entity, may be null
	 * @param entityId entity id, may be null
	 * @param changes what changed, may be null
	 * @return the entry
	 */
	public static AuditEntry of(String action, String entityType, String entityId, Map<String, ?> changes) {
		return new AuditEntry(null, action, entityType, entityId,
				(changes != null) ? new LinkedHashMap<>(changes) : null);
	}

	/**
	 * An entry with no changes whose actor is the authenticated caller, if any.
	 * @param action dotted lower-case verb
	 * @param entityType kind of entity, may be null
	 * @param entityId entity id, may be null
	 * @return the entry
	 */
	public static AuditEntry of(String action, String entityType, String entityId) {
		return of(action, entityType, entityId, null);
	}

	/**
	 * The same entry with an explicit actor, for events where nobody is authenticated yet
	 * (a successful login, a password reset by emailed token).
	 * @param actor who did it; null falls back to the authenticated caller, if any
	 * @return a new entry
	 */
	public AuditEntry by(UUID actor) {
		return new AuditEntry(actor, this.action, this.entityType, this.entityId, this.changes);
	}

	private static void requireShort(String name, String value) {
		if (value != null && value.length() > MAX_LENGTH) {
			throw new IllegalArgumentException(
					"Audit " + name + " must be at most " + MAX_LENGTH + " characters: " + value.length());
		}
	}

}
