/**
 * Writing the audit log: what the caller hands over plus who, when and from where.
 */
package org.aula.audit.internal;
