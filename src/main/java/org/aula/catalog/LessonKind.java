package org.aula.catalog;

/** What a lesson holds: Markdown text, a video, or a file to download. */
enum LessonKind {

	TEXT, VIDEO, FILE

}
