/**
 * The audit log: who did what to which entity, when and from where, kept with the change
 * it describes and readable by administrators.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.aula.audit;
