package org.aula.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Presence known to this instance only. */
final class LocalChatPresence implements ChatPresence {

	private final Map<UUID, Map<UUID, Long>> expiries = new ConcurrentHashMap<>();

	private final Duration ttl;

	private final Clock clock;

	LocalChatPresence(Duration ttl, Clock clock) {
		this.ttl = ttl;
		this.clock = clock;
	}

	@Override
	public void seen(UUID roomId, UUID userId) {
		this.expiries.computeIfAbsent(roomId, (id) -> new ConcurrentHashMap<>())
			.put(userId, this.clock.millis() + this.ttl.toMillis());
	}

	@Override
	public void left(UUID roomId, UUID userId) {
		this.expiries.computeIfPresent(roomId, (id, users) -> {
			users.remove(userId);
			return users.isEmpty() ? null : users;
		});
	}

	@Override
	public List<UUID> online(UUID roomId) {
		Map<UUID, Long> users = this.expiries.get(roomId);
		if (users == null) {
			return List.of();
		}
		long now = this.clock.millis();
		users.values().removeIf((expiry) -> expiry <= now);
		return List.copyOf(users.keySet());
	}

}
