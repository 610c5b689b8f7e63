package org.aula.certificates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Draws a certificate as a one-page PDF (A4 landscape).
 * <p>
 * The PDF standard fonts cover Latin-1 only, so the text is set in DejaVu Sans, embedded
 * as a subset: Latin with every diacritic, Greek, Cyrillic and more. Characters DejaVu
 * lacks, such as Chinese, Japanese and Korean, fall back to Droid Sans Fallback (bold
 * drawn by stroking the outline, as that font has no bold face). A character neither font
 * has is printed as {@code ?}. Text is not shaped, so scripts that need shaping (Arabic,
 * Indic) are printed letter by letter. Long names and titles shrink and then wrap to fit
 * the page.
 */
class CertificatePdf {

	private static final FontFile REGULAR = new FontFile("DejaVuSans.ttf");

	private static final FontFile BOLD = new FontFile("DejaVuSans-Bold.ttf");

	private static final FontFile FALLBACK = new FontFile("DroidSansFallbackFull.ttf");

	private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

	private static final float TEXT_WIDTH = PAGE.getWidth() - 2 * 90;

	private static final float[] INK = { 0.12f, 0.16f, 0.26f };

	private static final float[] ACCENT = { 0.16f, 0.33f, 0.55f };

	private static final float[] MUTED = { 0.35f, 0.38f, 0.44f };

	/**
	 * What a certificate says.
	 *
	 * @param teacherName null to leave the teacher out
	 * @param completedOn the completion date as it should read, e.g.
	 * {@code 24 November 2026}
	 */
	record Content(String studentName, String courseTitle, String teacherName, String completedOn, String code,
			String verificationUrl) {
	}

	/**
	 * Renders the certificate.
	 * @param content what to print
	 * @return the PDF's bytes
	 * @throws IOException when the PDF cannot be written
	 */
	byte[] render(Content content) throws IOException {
		try (PDDocument document = new PDDocument()) {
			Fonts fonts = new Fonts(document);
			PDPage page = new PDPage(PAGE);
			document.addPage(page);
			try (PDPageContentStream out = new PDPageContentStream(document, page)) {
				Writer writer = new Writer(out, fonts);
				frame(out);
				float y = PAGE.getHeight() - 105;
				y = writer.block("CERTIFICATE OF COMPLETION", Style.BOLD, 28, 28, 1, y, ACCENT);
				y = writer.block("This certifies that", Style.REGULAR, 14, 14, 1, y - 30, MUTED);
				y = writer.block(content.studentName(), Style.BOLD, 34, 12, 3, y - 22, INK);
				y = writer.block("has completed the course", Style.REGULAR, 14, 14, 1, y - 22, MUTED);
				y = writer.block(content.courseTitle(), Style.BOLD, 24, 12, 3, y - 18, INK);
				y = writer.block("Completed on " + content.completedOn(), Style.REGULAR, 14, 14, 1, y - 28, INK);
				if (content.teacherName() != null && !content.teacherName().isBlank()) {
					writer.block("Teacher: " + content.teacherName(), Style.REGULAR, 13, 9, 1, y - 8, INK);
				}
				writer.block("Verification code: " + content.code(), Style.BOLD, 12, 12, 1, 108, INK);
				writer.block("Verify this certificate at " + content.verificationUrl(), Style.REGULAR, 10, 6, 2, 90,
						MUTED);
			}
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle("Certificate of completion: " + clean(content.courseTitle()));
			info.setSubject(clean(content.studentName()) + ", " + clean(content.courseTitle()));
			info.setAuthor("Aula");
			info.setCreator("Aula");
			info.setKeywords(content.code());
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			document.save(bytes);
			return bytes.toByteArray();
		}
	}

	private static void frame(PDPageContentStream out) throws IOException {
		out.setStrokingColor(ACCENT[0], ACCENT[1], ACCENT[2]);
		out.setLineWidth(3);
		out.addRect(28, 28, PAGE.getWidth() - 56, PAGE.getHeight() - 56);
		out.stroke();
		out.setLineWidth(0.75f);
		out.addRect(36, 36, PAGE.getWidth() - 72, PAGE.getHeight() - 72);
		out.stroke();
	}

	/**
	 * One line of text: NFC-normalised, control and formatting characters (bidi
	 * overrides, zero-width joiners) removed, runs of white space made one space.
	 */
	static String clean(String text) {
		if (text == null) {
			return "";
		}
		String normalised = Normalizer.normalize(text, Normalizer.Form.NFC);
		StringBuilder clean = new StringBuilder(normalised.length());
		boolean space = false;
		for (int i = 0; i < normalised.length();) {
			int cp = normalised.codePointAt(i);
			i += Character.charCount(cp);
			int type = Character.getType(cp);
			if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
				space = true;
			}
			else if (type != Character.FORMAT && type != Character.UNASSIGNED && type != Character.PRIVATE_USE
					&& type != Character.SURROGATE) {
				if (space && !clean.isEmpty()) {
					clean.append(' ');
				}
				space = false;
				clean.appendCodePoint(cp);
			}
		}
		return clean.toString();
	}

	enum Style {

		REGULAR, BOLD

	}

	/** A font of the document and the characters it can draw. */
	private record Face(PDType0Font font, CmapLookup cmap) {

		static Face load(PDDocument document, FontFile file) throws IOException {
			PDType0Font font = PDType0Font.load(document, new RandomAccessReadBuffer(file.bytes()), true, false);
			CmapLookup cmap = ((PDCIDFontType2) font.getDescendantFont()).getTrueTypeFont().getUnicodeCmapLookup();
			return new Face(font, cmap);
		}

		boolean draws(int codePoint) {
			return this.cmap.getGlyphId(codePoint) > 0;
		}

	}

	/**
	 * A piece of a line set in one face.
	 *
	 * @param strokeBold draw bold by stroking the outline (a face without a bold weight)
	 */
	private record Run(Face face, boolean strokeBold, String text) {
	}

	/** The faces of one document; the fallback is only embedded when it is needed. */
	private static final class Fonts {

		private final PDDocument document;

		private final Face regular;

		private final Face bold;

		private Face fallback;

		Fonts(PDDocument document) throws IOException {
			this.document = document;
			this.regular = Face.load(document, REGULAR);
			this.bold = Face.load(document, BOLD);
		}

		List<Run> runs(String text, Style style) throws IOException {
			Face primary = (style == Style.BOLD) ? this.bold : this.regular;
			List<Run> runs = new ArrayList<>();
			StringBuilder current = new StringBuilder();
			Face currentFace = null;
			for (int i = 0; i < text.length();) {
				int cp = text.codePointAt(i);
				i += Character.charCount(cp);
				Face face = primary;
				if (!primary.draws(cp)) {
					Face other = fallback();
					if (other.draws(cp)) {
						face = other;
					}
					else {
						cp = '?';
					}
				}
				if (face != currentFace && !current.isEmpty()) {
					runs.add(run(currentFace, primary, style, current.toString()));
					current.setLength(0);
				}
				currentFace = face;
				current.appendCodePoint(cp);
			}
			if (!current.isEmpty()) {
				runs.add(run(currentFace, primary, style, current.toString()));
			}
			return runs;
		}

		private static Run run(Face face, Face primary, Style style, String text) {
			return new Run(face, style == Style.BOLD && face != primary, text);
		}

		private Face fallback() throws IOException {
			if (this.fallback == null) {
				this.fallback = Face.load(this.document, FALLBACK);
			}
			return this.fallback;
		}

		float width(String text, Style style, float size) throws IOException {
			float width = 0;
			for (Run run : runs(text, style)) {
				width += run.face().font().getStringWidth(run.text()) / 1000 * size;
			}
			return width;
		}

	}

	/** Sets centred blocks of text, shrinking and wrapping them to fit. */
	private static final class Writer {

		private final PDPageContentStream out;

		private final Fonts fonts;

		Writer(PDPageContentStream out, Fonts fonts) {
			this.out = out;
			this.fonts = fonts;
		}

		/**
		 * Draws the text centred below {@code top}: in one line at the largest size from
		 * {@code maxSize} down that fits, or, below the middle of the size range, in up
		 * to {@code maxLines} lines; cut with an ellipsis if even that is not enough.
		 * @return the baseline of the last line drawn
		 */
		float block(String raw, Style style, float maxSize, float minSize, int maxLines, float top, float[] color)
				throws IOException {
			String text = clean(raw);
			float wrapBelow = (maxSize + minSize) / 2;
			float size = maxSize;
			List<String> lines = wrap(text, style, size);
			while (size > minSize && lines.size() > ((size > wrapBelow) ? 1 : maxLines)) {
				size = Math.max(minSize, size - 1);
				lines = wrap(text, style, size);
			}
			if (lines.size() > maxLines) {
				lines = new ArrayList<>(lines.subList(0, maxLines));
				lines.set(maxLines - 1, ellipsis(lines.get(maxLines - 1), style, size));
			}
			float y = top;
			for (String line : lines) {
				y -= size * 1.2f;
				draw(line, style, size, y, color);
			}
			return y;
		}

		private List<String> wrap(String text, Style style, float size) throws IOException {
			List<String> lines = new ArrayList<>();
			String line = "";
			for (String word : text.split(" ")) {
				String candidate = line.isEmpty() ? word : line + " " + word;
				if (this.fonts.width(candidate, style, size) <= TEXT_WIDTH) {
					line = candidate;
					continue;
				}
				if (!line.isEmpty()) {
					lines.add(line);
				}
				line = word;
				// A word wider than the page (or text without spaces, as Chinese is
				// written) breaks between any two characters.
				while (this.fonts.width(line, style, size) > TEXT_WIDTH) {
					int cut = fitting(line, style, size);
					lines.add(line.substring(0, cut));
					line = line.substring(cut);
				}
			}
			if (!line.isEmpty()) {
				lines.add(line);
			}
			return lines;
		}

		/** How many chars of the line fit, at least one code point. */
		private int fitting(String line, Style style, float size) throws IOException {
			int end = line.offsetByCodePoints(0, 1);
			while (end < line.length()) {
				int next = line.offsetByCodePoints(end, 1);
				if (this.fonts.width(line.substring(0, next), style, size) > TEXT_WIDTH) {
					break;
				}
				end = next;
			}
			return end;
		}

		private String ellipsis(String line, Style style, float size) throws IOException {
			String cut = line;
			while (!cut.isEmpty() && this.fonts.width(cut + "…", style, size) > TEXT_WIDTH) {
				cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
			}
			return cut.stripTrailing() + "…";
		}

		private void draw(String line, Style style, float size, float y, float[] color) throws IOException {
			List<Run> runs = this.fonts.runs(line, style);
			float width = this.fonts.width(line, style, size);
			this.out.beginText();
			this.out.setNonStrokingColor(color[0], color[1], color[2]);
			this.out.setStrokingColor(color[0], color[1], color[2]);
			this.out.setLineWidth(size * 0.035f);
			this.out.newLineAtOffset((PAGE.getWidth() - width) / 2, y);
			for (Run run : runs) {
				this.out.setFont(run.face().font(), size);
				this.out.setRenderingMode(run.strokeBold() ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
				this.out.showText(run.text());
			}
			this.out.endText();
		}

	}

	/** A font file shipped with Aula, read once. */
	private static final class FontFile {

		private final String name;

		private volatile byte[] bytes;

		FontFile(String name) {
			this.name = name;
		}

		byte[] bytes() {
			byte[] loaded = this.bytes;
			if (loaded == null) {
				try (InputStream in = CertificatePdf.class.getResourceAsStream("fonts/" + this.name)) {
					if (in == null) {
						throw new IllegalStateException("Font " + this.name + " is missing from the application");
					}
					loaded = in.readAllBytes();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				this.bytes = loaded;
			}
			return loaded;
		}

	}

}
