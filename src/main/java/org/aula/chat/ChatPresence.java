package org.aula.chat;

import java.util.List;
import java.util.UUID;

/**
 * Who is online in a room, best effort: a user counts as online for {@code presence-ttl}
 * after a socket of theirs subscribed to the room or pinged. With
 * {@code aula.pubsub.store=redis} every instance sees the same answer; otherwise each
 * instance knows its own sockets.
 */
interface ChatPresence {

	void seen(UUID roomId, UUID userId);

	void left(UUID roomId, UUID userId);

	/** The users online in the room, in no particular order. */
	List<UUID> online(UUID roomId);

}
