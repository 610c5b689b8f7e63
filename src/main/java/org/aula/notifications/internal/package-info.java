/**
 * The email outbox and its delivery: a job per email sends it over SMTP, or writes it to
 * the log when no SMTP server is configured.
 */
package org.aula.notifications.internal;
