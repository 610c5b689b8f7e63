/**
 * Durable background jobs stored in the application's database.
 * <p>
 * A module enqueues a {@link org.aula.platform.jobs.JobRequest} through
 * {@link org.aula.platform.jobs.Jobs} inside the transaction of the write that caused it,
 * and contributes a {@link org.aula.platform.jobs.JobHandler} bean that runs it on any
 * worker instance. Recurring work is declared as
 * {@link org.aula.platform.jobs.RecurringJob} beans. See
 * {@code docs/adr/0002-job-queue.md}.
 */
@org.springframework.modulith.NamedInterface("jobs")
package org.aula.platform.jobs;
