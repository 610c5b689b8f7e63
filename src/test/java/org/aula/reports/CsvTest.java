package org.aula.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.aula.reports.SalesReport.Revenue;
import org.aula.reports.SalesReport.Row;
import org.aula.reports.SalesReport.Total;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CsvTest {

	@Test
	void leavesPlainFieldsAlone() {
		assertThat(Csv.field("MAT-101")).isEqualTo("MAT-101");
		assertThat(Csv.field("  spaced  ")).isEqualTo("  spaced  ");
		assertThat(Csv.field("")).isEmpty();
		assertThat(Csv.field(null)).isEmpty();
	}

	@Test
	void quotesFieldsWithCommasQuotesAndLineBreaks() {
		assertThat(Csv.field("Algebra, part 1")).isEqualTo("\"Algebra, part 1\"");
		assertThat(Csv.field("The \"best\" course")).isEqualTo("\"The \"\"best\"\" course\"");
		assertThat(Csv.field("\"")).isEqualTo("\"\"\"\"");
		assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
		assertThat(Csv.field("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
		assertThat(Csv.field("carriage\rreturn")).isEqualTo("\"carriage\rreturn\"");
	}

	@Test
	void keepsUnicodeAsItIs() {
		assertThat(Csv.field("Ça va, 世界 ✓ 😀")).isEqualTo("\"Ça va, 世界 ✓ 😀\"");
		assertThat(Csv.field("Ñandú")).isEqualTo("Ñandú");
	}

	@Test
	void endsEveryRecordWithCrlf() {
		String csv = new Csv().record(List.of("a", "b")).record(List.of("c", "")).toString();

		assertThat(csv).isEqualTo("a,b\r\nc,\r\n");
	}

	@Test
	void neutralisesTextThatASpreadsheetWouldRunAsAFormula() {
		assertThat(Csv.text("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
		assertThat(Csv.text("+1")).isEqualTo("'+1");
		assertThat(Csv.text("-1")).isEqualTo("'-1");
		assertThat(Csv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(Csv.text("\tx")).isEqualTo("'\tx");
		assertThat(Csv.text("Intro to = signs")).isEqualTo("Intro to = signs");
		assertThat(Csv.text("")).isEmpty();
		assertThat(Csv.text(null)).isNull();
	}

	@Test
	void readsBackExactlyWhatWasWritten() {
		List<List<String>> records = List.of(List.of("plain", "with, comma", "with \"quotes\"", "\"", ""),
				List.of("line\nbreak", "cr\rlf", "crlf\r\ninside", ",,,", "Ça va, 世界 ✓ 😀"),
				List.of("", "", "", "", ""));
		Csv csv = new Csv();
		records.forEach(csv::record);

		assertThat(CsvReader.read(csv.toString())).isEqualTo(records);
	}

	@Test
	void readsBackRandomFields() {
		Random random = new Random(20260401);
		String alphabet = "ab ,\"\r\n\tÇ世😀=-";
		for (int round = 0; round < 500; round++) {
			List<String> fields = new java.util.ArrayList<>();
			int count = 1 + random.nextInt(6);
			for (int f = 0; f < count; f++) {
				StringBuilder field = new StringBuilder();
				int length = random.nextInt(8);
				for (int c = 0; c < length; c++) {
					field.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
							random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
				}
				fields.add(field.toString());
			}
			String written = new Csv().record(fields).toString();

			assertThat(CsvReader.read(written)).as(written).containsExactly(fields);
		}
	}

	@Test
	void theTestReaderRefusesWhatRfc4180Forbids() {
		assertThatIllegalArgumentException().isThrownBy(() -> CsvReader.read("a,b\n"));
		assertThatIllegalArgumentException().isThrownBy(() -> CsvReader.read("a,b"));
		assertThatIllegalArgumentException().isThrownBy(() -> CsvReader.read("a\"b\r\n"));
		assertThatIllegalArgumentException().isThrownBy(() -> CsvReader.read("\"a\"b\r\n"));
		assertThatIllegalArgumentException().isThrownBy(() -> CsvReader.read("\"open\r\n"));
	}

	@Test
	void writesAReportAsOneRecordOfEnrolmentsAndOnePerCurrency() {
		UUID course = UUID.fromString("00000000-0000-0000-0000-00000000000a");
		UUID gone = UUID.fromString("00000000-0000-0000-0000-00000000000b");
		SalesReport report = new SalesReport(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), "day", null,
				Instant.parse("2026-05-01T00:00:00Z"), List.of(
						new Row("2026-04-02", course, "MAT-101", "Maths, \"advanced\"\nand more", 3, 3,
								List.of(new Revenue("EUR", 2, new BigDecimal("99.80")),
										new Revenue("USD", 1, new BigDecimal("30.00")))),
						new Row("2026-04-03", gone, null, null, 1, 0, List.of())),
				List.of(new Total("2026-04-02", 3, 3, List.of()), new Total("2026-04-03", 1, 0, List.of())));

		String csv = SalesReportCsv.of(report);

		assertThat(csv).isEqualTo("""
				period,course_id,course_code,course_title,currency,enrolments,sales,revenue\r
				2026-04-02,00000000-0000-0000-0000-00000000000a,MAT-101,"Maths, ""advanced""\nand more",,3,,\r
				2026-04-02,00000000-0000-0000-0000-00000000000a,MAT-101,"Maths, ""advanced""\nand more",EUR,,2,99.80\r
				2026-04-02,00000000-0000-0000-0000-00000000000a,MAT-101,"Maths, ""advanced""\nand more",USD,,1,30.00\r
				2026-04-03,00000000-0000-0000-0000-00000000000b,,,,1,,\r
				""");
		assertThat(CsvReader.read(csv).get(1)).containsExactly("2026-04-02", course.toString(), "MAT-101",
				"Maths, \"advanced\"\nand more", "", "3", "", "");
	}

}
