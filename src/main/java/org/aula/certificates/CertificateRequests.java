package org.aula.certificates;

import org.aula.learning.CourseCompleted;
import org.aula.platform.jobs.JobRequest;
import org.aula.platform.jobs.Jobs;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Owes a student a certificate when they complete a course. The listener runs inside the
 * completion's transaction and only enqueues a job there: the certificate is owed if and
 * only if the completion commits, and drawing the PDF never slows the student's request.
 */
@Component
class CertificateRequests {

	private final Jobs jobs;

	CertificateRequests(Jobs jobs) {
		this.jobs = jobs;
	}

	@EventListener
	void on(CourseCompleted completed) {
		CertificateIssuing.Request request = new CertificateIssuing.Request(completed.studentId(), completed.courseId(),
				completed.completedAt());
		this.jobs
			.enqueue(JobRequest.of(CertificateIssuing.JOB_TYPE, request.payload()).serialisedBy(request.serialKey()));
	}

}
