package org.aula.chat;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Chat limits and timings.
 *
 * @param ticketTtl how long a socket ticket may wait before it is used
 * @param idleTimeout a socket with no frame from its client for this long is closed
 * (clients ping more often)
 * @param sendQueueLimit frames waiting for one slow socket before it is cut off
 * @param sendTimeLimit how long one write to a socket may block before it is cut off
 * @param maxFrameSize the largest frame a client may send
 * @param maxConnectionsPerUser sockets one user may hold on one instance
 * @param messagesPerMinute messages one user may send, on all instances together
 * @param deleteWindow how long authors may delete their own messages
 * @param catchUpInterval how often an instance compares its sockets with the rooms'
 * latest seq, to deliver what a lost broadcast did not
 * @param accessCheckInterval how often an instance checks that its sockets' users may
 * still use their course rooms (a student who left the course is dropped from its room)
 * @param presenceTtl how long a user counts as online in a room after their last sign of
 * life
 * @param reconnectDelay the base delay suggested to clients when the instance shuts down;
 * each client gets it plus a random share up to the same again
 */
@ConfigurationProperties("aula.chat")
record ChatSettings(@DefaultValue("30s") Duration ticketTtl, @DefaultValue("60s") Duration idleTimeout,
		@DefaultValue("1000") int sendQueueLimit, @DefaultValue("10s") Duration sendTimeLimit,
		@DefaultValue("16KB") DataSize maxFrameSize, @DefaultValue("5") int maxConnectionsPerUser,
		@DefaultValue("60") int messagesPerMinute, @DefaultValue("5m") Duration deleteWindow,
		@DefaultValue("5s") Duration catchUpInterval, @DefaultValue("30s") Duration accessCheckInterval,
		@DefaultValue("60s") Duration presenceTtl, @DefaultValue("2s") Duration reconnectDelay) {

	/** The longest message body, in characters (Unicode code points). */
	static final int MAX_BODY_LENGTH = 4000;

}
