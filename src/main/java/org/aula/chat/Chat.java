package org.aula.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.aula.audit.AuditEntry;
import org.aula.audit.AuditLog;
import org.aula.catalog.CourseAccess;
import org.aula.catalog.CourseRef;
import org.aula.catalog.Courses;
import org.aula.identity.Caller;
import org.aula.identity.Role;
import org.aula.identity.UserSummary;
import org.aula.identity.Users;
import org.aula.platform.ratelimit.RateLimitDecision;
import org.aula.platform.ratelimit.RateLimitRule;
import org.aula.platform.ratelimit.RateLimited;
import org.aula.platform.ratelimit.RateLimiter;
import org.aula.platform.web.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a member can do in chat, whether over the socket or REST: both go through here,
 * with the same checks and the same outcome.
 */
@Service
class Chat {

	static final int MAX_PAGE = 200;

	static final int MAX_MEMBERS = 100;

	private static final Logger logger = LoggerFactory.getLogger(Chat.class);

	private static final Pattern CLIENT_MESSAGE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private final ChatRooms rooms;

	private final ChatMessages messages;

	private final RoomAccess access;

	private final ChatFanout fanout;

	private final Courses courses;

	private final CourseAccess enrolments;

	private final Users users;

	private final AuditLog audit;

	private final RateLimiter limiter;

	private final RateLimitRule sendRule;

	private final ChatSettings settings;

	private final TransactionTemplate transaction;

	private final Clock clock = Clock.systemUTC();

	Chat(ChatRooms rooms, ChatMessages messages, RoomAccess access, ChatFanout fanout, @Lazy Courses courses,
			@Lazy CourseAccess enrolments, @Lazy Users users, AuditLog audit, RateLimiter limiter,
			ChatSettings settings, PlatformTransactionManager transactions) {
		this.rooms = rooms;
		this.messages = messages;
		this.access = access;
		this.fanout = fanout;
		this.courses = courses;
		this.enrolments = enrolments;
		this.users = users;
		this.audit = audit;
		this.limiter = limiter;
		this.sendRule = new RateLimitRule("chat-send", settings.messagesPerMinute(), Duration.ofMinutes(1));
		this.settings = settings;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * The outcome of a send.
	 *
	 * @param message the stored message
	 * @param replayed whether it had been stored before under the same client message id
	 */
	record Sent(ChatMessage message, boolean replayed) {
	}

	/**
	 * Stores the message, then broadcasts it. A send with a (sender, client message id)
	 * that was stored before stores nothing and returns the stored message.
	 */
	Sent send(Caller member, UUID roomId, String clientMessageId, String body) {
		validate(clientMessageId, body);
		ChatRoom room = this.access.require(member, roomId);
		Optional<ChatMessage> earlier = this.messages.findBySender(member.id(), clientMessageId);
		if (earlier.isPresent()) {
			return replay(earlier.get(), room);
		}
		RateLimitDecision decision = this.limiter.tryConsume(member.id().toString(), this.sendRule);
		if (!decision.allowed()) {
			throw new RateLimited(decision);
		}
		ChatMessage stored;
		try {
			stored = this.transaction.execute((status) -> {
				long seq = this.rooms.nextSeq(room.id());
				ChatMessage message = new ChatMessage(UUID.randomUUID(), seq, room.id(), member.id(), body,
						this.clock.instant().truncatedTo(ChronoUnit.MICROS), false, clientMessageId);
				this.messages.insert(message);
				return message;
			});
		}
		catch (DuplicateKeyException ex) {
			// the same client message id, sent at the same time through another instance
			return replay(this.messages.findBySender(member.id(), clientMessageId).orElseThrow(() -> ex), room);
		}
		this.fanout.message(stored);
		markOwnMessageRead(member, stored);
		return new Sent(stored, false);
	}

	private static Sent replay(ChatMessage earlier, ChatRoom room) {
		if (!earlier.roomId().equals(room.id())) {
			throw new InvalidInput("clientMessageId", "was already used for a message in another room");
		}
		return new Sent(earlier, true);
	}

	/**
	 * Outside the send's transaction: a conflict on the read marker (the sender marking
	 * the room read at the same moment) must not roll back a stored message.
	 */
	private void markOwnMessageRead(Caller member, ChatMessage message) {
		try {
			this.rooms.markRead(member.id(), message.roomId(), message.seq());
		}
		catch (RuntimeException ex) {
			logger.debug("Read marker of {} in {} not moved: {}", member.id(), message.roomId(), ex.getMessage());
		}
	}

	private static void validate(String clientMessageId, String body) {
		if (clientMessageId == null || !CLIENT_MESSAGE_ID.matcher(clientMessageId).matches()) {
			throw new InvalidInput("clientMessageId",
					"must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_', ':', '-'");
		}
		if (body == null || body.isBlank()) {
			throw new InvalidInput("body", "must not be blank");
		}
		if (body.codePointCount(0, body.length()) > ChatSettings.MAX_BODY_LENGTH) {
			throw new InvalidInput("body", "must be at most " + ChatSettings.MAX_BODY_LENGTH + " characters");
		}
		if (!isStorableText(body)) {
			throw new InvalidInput("body", "must be text: no NUL character and no unpaired surrogate");
		}
	}

	/**
	 * Whether the text survives the database unchanged: PostgreSQL refuses NUL, and an
	 * unpaired surrogate cannot be encoded in UTF-8 (it would come back as '?').
	 */
	static boolean isStorableText(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == 0) {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A page of a room's history, oldest first: after {@code after} if given, else the
	 * latest before {@code before} (or the latest of all).
	 */
	HistoryPage history(Caller member, UUID roomId, Long after, Long before, int limit) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw new InvalidInput("limit", "must be between 1 and " + MAX_PAGE);
		}
		if ((after != null && after < 0) || (before != null && before < 1)) {
			throw new InvalidInput((after != null && after < 0) ? "after" : "before", "must be a seq of the room");
		}
		ChatRoom room = this.access.require(member, roomId);
		long lower = (after != null) ? after : 0;
		// Bounded by the room's latest seq as read with the access check, so the page
		// matches the lastSeq it reports and the latest read is a bounded range.
		long upper = Math.min((before != null) ? before : Long.MAX_VALUE, room.lastSeq() + 1);
		List<ChatMessage> page = (after != null) ? this.messages.after(room.id(), lower, upper, limit + 1)
				: this.messages.latest(room.id(), lower, upper, limit + 1);
		boolean more = page.size() > limit;
		if (more) {
			page = (after != null) ? page.subList(0, limit) : page.subList(1, page.size());
		}
		return new HistoryPage(List.copyOf(page), more, room.lastSeq());
	}

	/**
	 * A page of history.
	 *
	 * @param items messages, oldest first
	 * @param hasMore whether more messages lie beyond the page in the direction asked
	 * @param lastSeq the room's latest seq when the page was read
	 */
	record HistoryPage(List<ChatMessage> items, boolean hasMore, long lastSeq) {
	}

	/**
	 * Leaves a tombstone in place of the message: by its author within the delete window,
	 * by the course's teacher or by an admin. Deleting a deleted message changes nothing.
	 */
	void delete(Caller member, UUID messageId) {
		ChatMessage message = this.messages.find(messageId).orElseThrow(ChatProblems::messageNotFound);
		ChatRoom room;
		try {
			room = this.access.require(member, message.roomId());
		}
		catch (RuntimeException ex) {
			throw ChatProblems.messageNotFound();
		}
		Instant now = this.clock.instant();
		boolean author = message.senderId().equals(member.id())
				&& !now.isAfter(message.createdAt().plus(this.settings.deleteWindow()));
		if (!(author || member.admin() || this.access.teaches(member, room))) {
			throw ChatProblems.messageNotDeletable();
		}
		Boolean deleted = this.transaction.execute((status) -> {
			if (!this.messages.delete(message.id(), member.id(), now)) {
				return false;
			}
			this.audit.record(AuditEntry
				.of("chat.message.deleted", "chat_message", message.id().toString(), Map.of("roomId",
						room.id().toString(), "seq", message.seq(), "senderId", message.senderId().toString()))
				.by(member.id()));
			return true;
		});
		if (Boolean.TRUE.equals(deleted)) {
			this.fanout.deleted(message.tombstone());
		}
	}

	void markRead(Caller member, UUID roomId, long seq) {
		ChatRoom room = this.access.require(member, roomId);
		if (seq < 0 || seq > room.lastSeq()) {
			throw new InvalidInput("seq", "must be between 0 and the room's latest seq, " + room.lastSeq());
		}
		this.rooms.markRead(member.id(), room.id(), seq);
	}

	/**
	 * The member's rooms: the rooms of the courses they study or teach (admins reach
	 * every course room by its id, but list only their own), and their direct rooms.
	 */
	List<RoomView> rooms(Caller member) {
		Set<UUID> courseIds = new LinkedHashSet<>(this.enrolments.enrolledCourseIds(member.id()));
		Map<UUID, CourseRef> courses = new HashMap<>();
		for (CourseRef course : this.courses.taughtBy(member.id())) {
			courseIds.add(course.id());
			courses.put(course.id(), course);
		}
		Set<UUID> unknown = new HashSet<>(courseIds);
		unknown.removeAll(courses.keySet());
		this.courses.findAllById(unknown).forEach((course) -> courses.put(course.id(), course));
		Instant now = this.clock.instant();
		List<ChatRoom> rooms = new ArrayList<>(this.rooms.courseRooms(courses.keySet(), now));
		List<ChatRoom> direct = this.rooms.directRoomsOf(member.id());
		rooms.addAll(direct);
		Map<UUID, UserSummary> others = new HashMap<>();
		this.users.findAllById(direct.stream().map((room) -> room.otherThan(member.id())).toList())
			.forEach((user) -> others.put(user.id(), user));
		Map<UUID, Long> read = this.rooms.readMarkers(member.id(), rooms.stream().map(ChatRoom::id).toList());
		List<RoomView> views = new ArrayList<>();
		for (ChatRoom room : rooms) {
			long unread = Math.max(0, room.lastSeq() - read.getOrDefault(room.id(), 0L));
			if (room.isCourse()) {
				CourseRef course = courses.get(room.id());
				views.add(new RoomView(room.id(), room.kind(), course.code(), course.title(), null, room.lastSeq(),
						unread));
			}
			else {
				UUID other = room.otherThan(member.id());
				String title = Optional.ofNullable(others.get(other)).map(UserSummary::fullName).orElse("(unknown)");
				views.add(new RoomView(room.id(), room.kind(), null, title, other, room.lastSeq(), unread));
			}
		}
		views.sort(Comparator.comparing(RoomView::kind).thenComparing(RoomView::title));
		return views;
	}

	/**
	 * A room member as the other members see them: a name to show beside their messages.
	 *
	 * @param id user id
	 * @param fullName their name
	 * @param role their role, so a client can mark the teacher
	 */
	record Member(UUID id, String fullName, Role role) {
	}

	/**
	 * The names of those of {@code ids} who may use the room now: in a course room its
	 * teacher, its actively enrolled students and admins; in a direct room its two
	 * members. Anyone else (a former student, a stranger) is left out, so the endpoint
	 * tells a member nothing about users outside the room.
	 */
	List<Member> members(Caller member, UUID roomId, List<UUID> ids) {
		if (ids == null || ids.isEmpty() || ids.size() > MAX_MEMBERS) {
			throw new InvalidInput("ids", "must list 1 to " + MAX_MEMBERS + " user ids");
		}
		ChatRoom room = this.access.require(member, roomId);
		Set<UUID> wanted = new LinkedHashSet<>(ids);
		Set<UUID> inRoom = new HashSet<>();
		if (room.isCourse()) {
			inRoom.addAll(this.enrolments.enrolledAmong(room.id(), wanted));
			this.courses.findById(room.id()).ifPresent((course) -> inRoom.add(course.teacherId()));
		}
		else {
			inRoom.add(room.userLow());
			inRoom.add(room.userHigh());
		}
		return this.users.findAllById(wanted)
			.stream()
			.filter((user) -> inRoom.contains(user.id())
					|| (room.isCourse() && user.role() == Role.ADMIN && user.active()))
			.map((user) -> new Member(user.id(), user.fullName(), user.role()))
			.sorted(Comparator.comparing(Member::fullName))
			.toList();
	}

	/**
	 * The direct room with another user, created once: between a student and a teacher of
	 * one of their courses, or between an admin and anyone.
	 */
	ChatRoom directRoom(Caller member, UUID otherId) {
		if (otherId == null) {
			throw new InvalidInput("userId", "is required");
		}
		if (otherId.equals(member.id())) {
			throw new InvalidInput("userId", "must be another user");
		}
		UserSummary other = this.users.findById(otherId)
			.filter(UserSummary::active)
			.orElseThrow(ChatProblems::userNotFound);
		boolean allowed = member.admin() || other.role() == Role.ADMIN || teachesTheOther(member.id(), other.id())
				|| teachesTheOther(other.id(), member.id());
		if (!allowed) {
			throw ChatProblems.directChatNotAllowed();
		}
		return this.rooms.directRoom(member.id(), other.id(), this.clock.instant());
	}

	private boolean teachesTheOther(UUID teacher, UUID student) {
		List<UUID> taught = this.courses.taughtBy(teacher).stream().map(CourseRef::id).toList();
		if (taught.isEmpty()) {
			return false;
		}
		return this.enrolments.enrolledCourseIds(student).stream().anyMatch(taught::contains);
	}

}
