/**
 * Archiving the audit log: entries older than {@code aula.audit.archive-after} move to
 * {@code audit_log_archive} in small batches, daily.
 */
package org.aula.audit.archive;
