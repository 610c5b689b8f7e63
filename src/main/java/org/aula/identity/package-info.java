/**
 * Identity and access: users and roles, registration and invitations, logins with
 * rotating refresh tokens, password resets, and the admin views of users.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.aula.identity;
