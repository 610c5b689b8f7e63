/**
 * Storage of the email outbox.
 */
package org.aula.notifications.internal;
