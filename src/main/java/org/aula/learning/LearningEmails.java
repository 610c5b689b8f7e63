package org.aula.learning;

import java.math.BigDecimal;
import java.util.Currency;

import org.aula.catalog.CourseRef;
import org.aula.identity.UserSummary;
import org.aula.notifications.EmailOutbox;
import org.aula.notifications.OutgoingEmail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The emails learning sends. They go to the outbox in the caller's transaction, so a
 * confirmation exists if and only if the enrolment (and its sale) committed; a replayed
 * request never reaches here, so it sends nothing.
 */
@Component
class LearningEmails {

	private final EmailOutbox outbox;

	private final String baseUrl;

	/**
	 * @param baseUrl where users reach Aula ({@code AULA_PUBLIC_BASE_URL}), the same base
	 * as every other link in Aula's emails
	 */
	LearningEmails(EmailOutbox outbox,
			@Value("${aula.identity.public-base-url:http://localhost:8080}") String baseUrl) {
		this.outbox = outbox;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	/**
	 * Confirms an enrolment to the student, with the payment when there was one. A
	 * student whose account is inactive gets nothing.
	 * @param student the student, from identity's {@link org.aula.identity.Users}
	 * @param course the course
	 * @param sale the purchase, or null for a free or admin enrolment
	 */
	void enrolmentConfirmed(UserSummary student, CourseRef course, Sales.Sale sale) {
		if (!student.active()) {
			return;
		}
		String title = oneLine(course.title());
		String link = this.baseUrl + "/courses/" + course.code();
		if (sale == null) {
			this.outbox.enqueue(new OutgoingEmail(student.email(), "You are enrolled in " + title, """
					Hello %s,

					you are enrolled in "%s" (%s).

					Start learning: %s
					""".formatted(student.fullName(), title, course.code(), link)));
			return;
		}
		this.outbox.enqueue(new OutgoingEmail(student.email(), "Payment received: you are enrolled in " + title, """
				Hello %s,

				you are enrolled in "%s" (%s).

				Payment confirmation
				Amount: %s %s
				Receipt: %s

				Start learning: %s
				""".formatted(student.fullName(), title, course.code(), amount(sale.amount(), sale.currency()),
				sale.currency(), sale.id(), link)));
	}

	/**
	 * The amount with at least the currency's usual decimals: {@code 49.90},
	 * {@code 5000}.
	 */
	static String amount(BigDecimal amount, String currency) {
		int decimals;
		try {
			decimals = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
		}
		catch (IllegalArgumentException unknown) {
			decimals = 2;
		}
		BigDecimal exact = amount.stripTrailingZeros();
		return exact.setScale(Math.max(decimals, exact.scale())).toPlainString();
	}

	private static String oneLine(String text) {
		return text.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
	}

}
