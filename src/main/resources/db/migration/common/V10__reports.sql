-- Learning: SalesStatistics counts the enrolments of a range of days; without this index
-- every refresh of the sales reports would scan the whole enrolments table.
CREATE INDEX enrolments_created_idx ON enrolments (created_at);

-- Reports: daily aggregates of enrolments and sales per course, refreshed from learning's
-- SalesStatistics by the reports.refresh job and read by the admin sales reports (which never
-- touch learning's tables). Days are UTC. Course ids belong to the catalog: no foreign key.
--
-- An enrolment has no currency, a sale has one. Each (day, course) therefore has up to one
-- row with currency '' holding the day's enrolments (sales and revenue zero), and one row per
-- currency holding that currency's completed sales and revenue (enrolments zero). '' is a
-- sentinel instead of NULL so that the primary key covers both kinds of row on both databases.
-- Revenue is never added up across currencies. (The column is utc_day, not day: DAY is a
-- reserved word in H2.)
CREATE TABLE sales_daily
(
  utc_day      DATE                     NOT NULL,
  course_id    UUID                     NOT NULL,
  currency     VARCHAR(3)               NOT NULL,
  enrolments   INT                      NOT NULL,
  sales        INT                      NOT NULL,
  revenue      NUMERIC(14, 2)           NOT NULL,
  refreshed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (utc_day, course_id, currency),
  CONSTRAINT sales_daily_kind_check CHECK (
    (currency = '' AND sales = 0 AND revenue = 0 AND enrolments > 0)
    OR (currency <> '' AND enrolments = 0 AND sales > 0)),
  CONSTRAINT sales_daily_counts_check CHECK (enrolments >= 0 AND sales >= 0)
);
-- The primary key serves "every course over a range of days" (leading utc_day); this one serves
-- the report filtered to one course.
CREATE INDEX sales_daily_course_day_idx ON sales_daily (course_id, utc_day);

-- When each report's aggregates were last refreshed, whatever range the refresh covered.
CREATE TABLE report_refreshes
(
  report       VARCHAR(32)              NOT NULL PRIMARY KEY,
  refreshed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
