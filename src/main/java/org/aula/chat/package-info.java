/**
 * Chat: a room per course and direct rooms between two users, over WebSocket and REST.
 * Every message is stored before it is acknowledged, with a gap-free sequence number per
 * room, then fanned out to every instance over the platform's message bus; a connection
 * fills any gap from the database, so a member sees every message of a room once and in
 * order.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Chat")
package org.aula.chat;
