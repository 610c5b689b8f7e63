/**
 * The embedded mode's mailbox: administrators read queued emails without an SMTP server.
 */
package org.aula.notifications.web;
