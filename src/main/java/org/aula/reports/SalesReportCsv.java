package org.aula.reports;

import java.util.ArrayList;
import java.util.List;

import org.aula.reports.SalesReport.Revenue;
import org.aula.reports.SalesReport.Row;

/**
 * A sales report as CSV: a header, then per period and course one record of its
 * enrolments (currency, sales and revenue empty) and one per currency of its sales
 * (enrolments empty). So every column can be summed without counting anything twice, and
 * revenue is summed per currency.
 */
final class SalesReportCsv {

	static final List<String> HEADER = List.of("period", "course_id", "course_code", "course_title", "currency",
			"enrolments", "sales", "revenue");

	private SalesReportCsv() {
	}

	static String of(SalesReport report) {
		Csv csv = new Csv().record(HEADER);
		for (Row row : report.rows()) {
			List<String> course = List.of(row.period(), row.courseId().toString(), nullToEmpty(row.courseCode()),
					nullToEmpty(Csv.text(row.courseTitle())));
			if (row.enrolments() > 0) {
				csv.record(with(course, "", Long.toString(row.enrolments()), "", ""));
			}
			for (Revenue revenue : row.revenue()) {
				csv.record(with(course, revenue.currency(), "", Long.toString(revenue.sales()),
						revenue.amount().toPlainString()));
			}
		}
		return csv.toString();
	}

	private static List<String> with(List<String> course, String... more) {
		List<String> fields = new ArrayList<>(course);
		fields.addAll(List.of(more));
		return fields;
	}

	private static String nullToEmpty(String text) {
		return (text != null) ? text : "";
	}

}
