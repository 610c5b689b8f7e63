package org.aula.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The media file a lesson shows.
 *
 * @param sha256 hex SHA-256 of the content, which is also its address in the store
 * @param contentType the type detected from the content at upload
 * @param fileName a safe name to offer on download
 * @param size length in bytes
 */
record MediaRef(String sha256, String contentType, String fileName, long size) {

	static MediaRef map(ResultSet rs) throws SQLException {
		String sha = rs.getString("media_sha256");
		return (sha != null)
				? new MediaRef(sha, rs.getString("media_type"), rs.getString("media_name"), rs.getLong("media_size"))
				: null;
	}

}
