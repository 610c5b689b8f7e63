package org.aula.chat;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.aula.catalog.CourseAccess;
import org.aula.catalog.CourseRef;
import org.aula.catalog.Courses;
import org.aula.identity.Caller;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Who may use a room. A course room: its enrolled students (active enrolments only, so
 * leaving a course ends access), its teacher and admins. A direct room: its two members.
 * Anyone else is told the room does not exist.
 */
@Component
class RoomAccess {

	private final ChatRooms rooms;

	private final Courses courses;

	private final CourseAccess enrolments;

	private final Clock clock = Clock.systemUTC();

	RoomAccess(ChatRooms rooms, @Lazy Courses courses, @Lazy CourseAccess enrolments) {
		this.rooms = rooms;
		this.courses = courses;
		this.enrolments = enrolments;
	}

	/**
	 * The room, if the member may use it; a course room is created on its first use.
	 * @throws org.aula.platform.web.NotFound if there is no such room or the member may
	 * not use it
	 */
	ChatRoom require(Caller member, UUID roomId) {
		Optional<ChatRoom> room = this.rooms.find(roomId);
		if (room.isPresent() && !room.get().isCourse()) {
			if (!member.id().equals(room.get().userLow()) && !member.id().equals(room.get().userHigh())) {
				throw ChatProblems.roomNotFound();
			}
			return room.get();
		}
		CourseRef course = this.courses.findById(roomId).orElseThrow(ChatProblems::roomNotFound);
		if (!mayJoin(member, course)) {
			throw ChatProblems.roomNotFound();
		}
		if (room.isPresent()) {
			return room.get();
		}
		this.rooms.createCourseRoom(course.id(), this.clock.instant());
		return this.rooms.find(roomId).orElseThrow();
	}

	boolean mayJoin(Caller member, CourseRef course) {
		return member.admin() || course.teacherId().equals(member.id())
				|| this.enrolments.isEnrolled(member.id(), course.id());
	}

	/** Whether the member teaches the course whose room this is. */
	boolean teaches(Caller member, ChatRoom room) {
		return room.isCourse() && this.courses.findById(room.id())
			.map((course) -> course.teacherId().equals(member.id()))
			.orElse(false);
	}

}
