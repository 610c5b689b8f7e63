package org.aula.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises the accepted media by their first bytes, never by name or declared type:
 * MP4, WebM and Ogg video, PDF, PNG, JPEG, and ZIP-based documents (Office Open XML,
 * OpenDocument, EPUB, plain ZIP). Anything else is refused.
 */
final class MediaTypes {

	/** How many leading bytes {@link #detect} needs. */
	static final int SNIFF_LENGTH = 16;

	private static final Set<String> ZIP_EXTENSIONS = Set.of("zip", "docx", "xlsx", "pptx", "odt", "ods", "odp",
			"epub");

	private MediaTypes() {
	}

	/**
	 * @param head the first bytes of the content (fewer if it is shorter)
	 * @return the detected type, or {@code null} when it is not one Aula accepts
	 */
	static Detected detect(byte[] head) {
		if (startsWith(head, 0, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return new Detected("application/pdf", "pdf");
		}
		if (startsWith(head, 0, new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A })) {
			return new Detected("image/png", "png");
		}
		if (startsWith(head, 0, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return new Detected("image/jpeg", "jpg");
		}
		if (startsWith(head, 4, "ftyp".getBytes(StandardCharsets.US_ASCII))) {
			return new Detected("video/mp4", "mp4");
		}
		if (startsWith(head, 0, new byte[] { 0x1A, 0x45, (byte) 0xDF, (byte) 0xA3 })) {
			return new Detected("video/webm", "webm");
		}
		if (startsWith(head, 0, "OggS".getBytes(StandardCharsets.US_ASCII))) {
			return new Detected("video/ogg", "ogv");
		}
		if (startsWith(head, 0, new byte[] { 'P', 'K', 0x03, 0x04 })) {
			return new Detected("application/zip", "zip");
		}
		return null;
	}

	/**
	 * A download name made only of safe characters, whose extension matches the detected
	 * content (a ZIP keeps a known document extension such as {@code .docx}).
	 * @param clientName the name the client sent, may be null
	 * @param detected the detected type
	 * @return the name to store and offer
	 */
	static String safeName(String clientName, Detected detected) {
		String name = (clientName != null) ? clientName : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		String base = name;
		String extension = "";
		int dot = name.lastIndexOf('.');
		if (dot >= 0) {
			base = name.substring(0, dot);
			extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
		}
		base = base.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
		if (base.isEmpty()) {
			base = "file";
		}
		if (base.length() > 100) {
			base = base.substring(0, 100);
		}
		boolean keep = detected.extension().equals("zip") && ZIP_EXTENSIONS.contains(extension);
		return base + "." + (keep ? extension : detected.extension());
	}

	private static boolean startsWith(byte[] head, int offset, byte[] magic) {
		return head.length >= offset + magic.length
				&& Arrays.equals(head, offset, offset + magic.length, magic, 0, magic.length);
	}

	/**
	 * A recognised type.
	 *
	 * @param contentType the media type to serve it with
	 * @param extension the usual file extension
	 */
	record Detected(String contentType, String extension) {
	}

}
