/**
 * Reports: daily aggregates of enrolments, sales and revenue per course, refreshed in the
 * background from learning's {@link org.aula.learning.SalesStatistics}, and the admin
 * sales report read from them as JSON or CSV.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports")
package org.aula.reports;
