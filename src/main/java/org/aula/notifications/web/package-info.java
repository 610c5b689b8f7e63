/**
 * The outbox as administrators see it: every email and its delivery status, with bodies
 * in the embedded mode only.
 */
package org.aula.notifications.web;
