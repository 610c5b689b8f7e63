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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Access is checked when a socket subscribes; this sweep checks again, every
 * {@code access-check-interval}, that the students on this instance's sockets are still
 * enrolled in the courses whose rooms they follow, and drops those who are not. One query
 * per followed course room, whatever the number of sockets.
 */
@Component
class ChatAccessSweep implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ChatAccessSweep.class);

	private final ChatHub hub;

	private final ChatRooms rooms;

	private final Courses courses;

	private final CourseAccess enrolments;

	private final ChatSettings settings;

	private volatile @Nullable Thread thread;

	private volatile boolean running;

	ChatAccessSweep(ChatHub hub, ChatRooms rooms, @Lazy Courses courses, @Lazy CourseAccess enrolments,
			ChatSettings settings) {
		this.hub = hub;
		this.rooms = rooms;
		this.courses = courses;
		this.enrolments = enrolments;
		this.settings = settings;
	}

	void sweepOnce() {
		Map<UUID, Set<ChatConnection>> followed = this.hub.roomSockets();
		List<UUID> courseRooms = this.rooms.findAll(List.copyOf(followed.keySet()))
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
				Member member = socket.member();
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
				}
			}
		}
	}

	private void loop() {
		while (this.running) {
			try {
				Thread.sleep(this.settings.accessCheckInterval().toMillis());
				sweepOnce();
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				logger.warn("Chat access check failed: {}", ex.getMessage());
			}
		}
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = Thread.ofVirtual().name("aula-chat-access").start(this::loop);
	}

	@Override
	public void stop() {
		this.running = false;
		Thread sweeping = this.thread;
		if (sweeping != null) {
			sweeping.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
