/**
 * Notifications: emails other modules ask for, kept in a transactional outbox and
 * delivered by background jobs, over SMTP or to the log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.aula.notifications;
