/**
 * Notifications: emails other modules ask for, kept in a transactional outbox until they
 * are delivered.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.aula.notifications;
