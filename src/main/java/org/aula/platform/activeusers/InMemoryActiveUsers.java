package org.aula.platform.activeusers;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Users seen by this instance: each user's last minute of activity. A user already seen
 * this minute costs one map read; entries are pruned once a minute by whichever request
 * first sees the minute change, so the map holds no more than the users of the window.
 */
final class InMemoryActiveUsers implements ActiveUsers {

	static final long WINDOW_MINUTES = WINDOW.toMinutes();

	private final Map<String, Long> lastMinute = new ConcurrentHashMap<>();

	private final Clock clock;

	private final AtomicLong prunedMinute = new AtomicLong(Long.MIN_VALUE);

	InMemoryActiveUsers(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void seen(String userId) {
		seenFirstThisMinute(userId);
	}

	/**
	 * @return the current minute if this is the user's first request in it, else -1
	 */
	long seenFirstThisMinute(String userId) {
		long minute = minute();
		pruneOncePer(minute);
		Long previous = this.lastMinute.get(userId);
		if (previous != null && previous == minute) {
			return -1;
		}
		previous = this.lastMinute.put(userId, minute);
		return (previous != null && previous == minute) ? -1 : minute;
	}

	@Override
	public long count() {
		long oldest = minute() - WINDOW_MINUTES + 1;
		return this.lastMinute.values().stream().filter((minute) -> minute >= oldest).count();
	}

	/**
	 * @return users held in memory, counted or not
	 */
	int tracked() {
		return this.lastMinute.size();
	}

	long minute() {
		return Math.floorDiv(this.clock.millis(), 60_000L);
	}

	private void pruneOncePer(long minute) {
		long pruned = this.prunedMinute.get();
		if (pruned != minute && this.prunedMinute.compareAndSet(pruned, minute)) {
			long oldest = minute - WINDOW_MINUTES + 1;
			this.lastMinute.values().removeIf((seen) -> seen < oldest);
		}
	}

}
