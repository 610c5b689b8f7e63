/**
 * Access tokens: the signing keys, issuing the short-lived JWTs every request carries,
 * verifying them on any instance without a session, and revoking them one by one or by
 * refresh-token family.
 */
package org.aula.identity.tokens;
