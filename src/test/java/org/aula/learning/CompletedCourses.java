package org.aula.learning;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Listens to {@link CourseCompleted} the way another module would (after commit, through
 * the event publication log), and keeps what it heard for the test to check.
 */
public class CompletedCourses {

	private final List<CourseCompleted> received = new CopyOnWriteArrayList<>();

	@TransactionalEventListener
	void on(CourseCompleted event) {
		this.received.add(event);
	}

	List<CourseCompleted> received() {
		return List.copyOf(this.received);
	}

}
