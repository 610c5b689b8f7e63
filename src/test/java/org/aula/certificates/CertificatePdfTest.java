package org.aula.certificates;

import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CertificatePdfTest {

	private final CertificatePdf pdf = new CertificatePdf();

	@Test
	void printsNameCourseDateTeacherCodeAndVerificationLink() throws Exception {
		byte[] document = this.pdf.render(new CertificatePdf.Content("Łukasz Żółć", "Análisis de datos — nivel 1",
				"Zoë Ağaoğlu", "24 November 2026", "7K3M-Q9XD-2HPA-W5RT",
				"https://aula.example.org/certificates/7K3M-Q9XD-2HPA-W5RT"));

		String text = text(document);
		assertThat(text).contains("Łukasz Żółć")
			.contains("Análisis de datos — nivel 1")
			.contains("Completed on 24 November 2026")
			.contains("Teacher: Zoë Ağaoğlu")
			.contains("7K3M-Q9XD-2HPA-W5RT")
			.contains("https://aula.example.org/certificates/7K3M-Q9XD-2HPA-W5RT");
	}

	@Test
	void printsChineseCyrillicAndGreekNames() throws Exception {
		String text = text(this.pdf.render(content("王芳", "数据分析基础")))
				+ text(this.pdf.render(content("Дмитрий Ψαράς", "Курс")));

		assertThat(text).contains("王芳").contains("数据分析基础").contains("Дмитрий Ψαράς");
	}

	@Test
	void embedsEveryFontAsASubsetSoAnyReaderShowsTheSameText() throws Exception {
		try (PDDocument document = Loader.loadPDF(this.pdf.render(content("王芳 Łukasz", "Course")))) {
			List<PDFont> fonts = fonts(document.getPage(0));
			assertThat(fonts).hasSize(3).allSatisfy((font) -> {
				assertThat(font).isInstanceOf(PDType0Font.class);
				assertThat(font.isEmbedded()).isTrue();
				// A subset's name is prefixed with six capitals and a plus sign.
				assertThat(font.getName()).matches("[A-Z]{6}\\+.+");
			});
		}
	}

	@Test
	void leavesOutTheFallbackFontWhenNoTextNeedsIt() throws Exception {
		try (PDDocument document = Loader.loadPDF(this.pdf.render(content("Łukasz Żółć", "Course")))) {
			assertThat(fonts(document.getPage(0))).extracting(PDFont::getName)
				.noneMatch((name) -> name.contains("Droid"));
		}
	}

	@Test
	void fitsAVeryLongTitleAndNameOnOnePage() throws Exception {
		String name = "Maria " + "Alexandrovna ".repeat(15) + "Smith";
		String title = "Advanced " + "topics in distributed systems and ".repeat(6) + "everything else";

		byte[] document = this.pdf.render(content(name, title));

		String text = text(document).replaceAll("\\s+", " ");
		try (PDDocument parsed = Loader.loadPDF(document)) {
			assertThat(parsed.getNumberOfPages()).isOne();
		}
		assertThat(text).contains("Maria Alexandrovna").contains("Advanced topics in distributed systems");
		assertThat(text).contains("7K3M-Q9XD-2HPA-W5RT");
	}

	@Test
	void dropsControlAndDirectionCharactersFromNames() throws Exception {
		String text = text(this.pdf.render(content("Eve\u202E\u0000 \n\t Doe", "Course")));

		assertThat(text).contains("Eve Doe").doesNotContain("\u202E");
	}

	@Test
	void printsAQuestionMarkForACharacterNoFontHas() throws Exception {
		String text = text(this.pdf.render(content("Ann \uD80C\uDC00", "Course")));

		assertThat(text).contains("Ann ?");
	}

	private static CertificatePdf.Content content(String name, String title) {
		return new CertificatePdf.Content(name, title, null, "1 March 2026", "7K3M-Q9XD-2HPA-W5RT",
				"http://localhost:8080/certificates/7K3M-Q9XD-2HPA-W5RT");
	}

	private static String text(byte[] document) throws Exception {
		assertThat(new String(document, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument parsed = Loader.loadPDF(document)) {
			return new PDFTextStripper().getText(parsed);
		}
	}

	private static List<PDFont> fonts(PDPage page) throws Exception {
		List<PDFont> fonts = new ArrayList<>();
		for (COSName name : page.getResources().getFontNames()) {
			fonts.add(page.getResources().getFont(name));
		}
		return fonts;
	}

}
