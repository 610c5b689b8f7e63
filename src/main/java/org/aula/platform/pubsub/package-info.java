/**
 * Fire-and-forget messages on named channels, delivered to every subscribed instance.
 */
@org.springframework.modulith.NamedInterface("pubsub")
package org.aula.platform.pubsub;
