package org.aula.audit;

/**
 * Records what happened, for administrators to review later.
 * <p>
 * {@link #record} joins the caller's transaction ({@code Propagation.REQUIRED}), so the
 * entry commits or rolls back together with the change it describes; called outside a
 * transaction it commits on its own. Along with the entry it stores the time, and, when
 * called while serving an HTTP request, the client's address, user agent and request id;
 * outside a request those are null, never an error. When the entry has no actor, the
 * subject of the caller's access token is taken if it is a UUID.
 * <p>
 * The log never holds credentials: any key of {@link AuditEntry#changes()} whose name
 * contains {@code password}, {@code secret}, {@code token} or {@code hash} (in any case)
 * is dropped at every depth before the entry is stored.
 */
public interface AuditLog {

	/**
	 * Stores one entry.
	 * @param entry what happened, not null
	 * @throws IllegalArgumentException when the entry's changes cannot be written as JSON
	 */
	void record(AuditEntry entry);

}
