package org.aula.chat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.aula.catalog.CourseAccess;
import org.aula.catalog.CourseRef;
import org.aula.catalog.Courses;
import org.aula.identity.Caller;
import org.aula.identity.Role;
import org.aula.identity.UserSummary;
import org.aula.identity.Users;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * Access is checked when a socket subscribes; this sweep checks again, every
 * {@code access-check-interval}, that the students on this instance's sockets are still
 * enrolled in the courses whose rooms they follow (dropping those who are not from the
 * room), and that the sockets' users are still active with the same role (closing the
 * others). A few queries per 500 rooms or users, whatever the number of sockets.
 */
@Component
class ChatAccessSweep implements SmartLifecycle {

	static final CloseStatus ACCOUNT_CHANGED = new CloseStatus(4003, "account changed: get a new ticket");

	private static final int CHUNK = 500;

	private final ChatHub hub;

	private final ChatRooms rooms;

	private final Courses courses;

	private final CourseAccess enrolments;

	private final Users users;

	private final ChatPresence presence;

	private final Periodically sweeping;

	ChatAccessSweep(ChatHub hub, ChatRooms rooms, @Lazy Courses courses, @Lazy CourseAccess enrolments,
			@Lazy Users users, ChatPresence presence, ChatSettings settings) {
		this.hub = hub;
		this.rooms = rooms;
		this.courses = courses;
		this.enrolments = enrolments;
		this.users = users;
		this.presence = presence;
		this.sweeping = new Periodically("Chat access check", settings.accessCheckInterval(), this::sweepOnce);
	}

	void sweepOnce() {
		closeSocketsOfChangedAccounts();
		Map<UUID, Set<ChatConnection>> followed = this.hub.roomSockets();
		List<UUID> roomIds = List.copyOf(followed.keySet());
		for (int from = 0; from < roomIds.size(); from += CHUNK) {
			sweep(roomIds.subList(from, Math.min(roomIds.size(), from + CHUNK)), followed);
		}
	}

	/**
	 * A socket keeps the identity and role its ticket was issued for: one whose user has
	 * been deactivated or whose admin role changed since is closed, and a reconnect needs
	 * a new ticket.
	 */
	private void closeSocketsOfChangedAccounts() {
		List<ChatConnection> sockets = List.copyOf(this.hub.connections());
		Set<UUID> userIds = new HashSet<>();
		sockets.forEach((socket) -> userIds.add(socket.member().id()));
		List<UUID> ids = List.copyOf(userIds);
		Map<UUID, UserSummary> users = new HashMap<>();
		for (int from = 0; from < ids.size(); from += CHUNK) {
			this.users.findAllById(ids.subList(from, Math.min(ids.size(), from + CHUNK)))
				.forEach((user) -> users.put(user.id(), user));
		}
		for (ChatConnection socket : sockets) {
			UserSummary user = users.get(socket.member().id());
			if (user == null || !user.active() || (user.role() == Role.ADMIN) != socket.member().admin()) {
				socket.closeNow(ACCOUNT_CHANGED);
			}
		}
	}

	private void sweep(List<UUID> roomIds, Map<UUID, Set<ChatConnection>> followed) {
		List<UUID> courseRooms = this.rooms.findAll(roomIds)
			.stream()
			.filter(ChatRoom::isCourse)
			.map(ChatRoom::id)
			.toList();
		Map<UUID, CourseRef> courses = new HashMap<>();
		this.courses.findAllById(courseRooms).forEach((course) -> courses.put(course.id(), course));
		for (UUID roomId : courseRooms) {
			Set<ChatConnection> sockets = Set.copyOf(followed.getOrDefault(roomId, Set.of()));
			CourseRef course = courses.get(roomId);
			Set<UUID> students = new HashSet<>();
			for (ChatConnection socket : sockets) {
				Caller member = socket.member();
				if (!member.admin() && (course == null || !course.teacherId().equals(member.id()))) {
					students.add(member.id());
				}
			}
			if (students.isEmpty()) {
				continue;
			}
			Set<UUID> enrolled = (course != null) ? this.enrolments.enrolledAmong(roomId, students) : Set.of();
			for (ChatConnection socket : sockets) {
				if (students.contains(socket.member().id()) && !enrolled.contains(socket.member().id())) {
					this.hub.accessEnded(socket, roomId);
					this.presence.left(roomId, socket.member().id());
				}
			}
		}
	}

	@Override
	public void start() {
		this.sweeping.start();
	}

	@Override
	public void stop() {
		this.sweeping.stop();
	}

	@Override
	public boolean isRunning() {
		return this.sweeping.isRunning();
	}

}
