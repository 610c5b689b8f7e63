/**
 * The administrators' view of the audit log.
 */
package org.aula.audit.web;
