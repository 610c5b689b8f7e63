package org.aula.platform.seeding;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * How much data one seed run creates, and where every generated thing comes from. All
 * ids, emails and choices are functions of the seed value and an index, so each module
 * derives the rows it owns (a catalog step and a learning step agree on a lesson's id
 * without talking), and a second run with the same seed finds every row already there.
 *
 * @param seed the seed value: different seeds create disjoint users and courses
 * @param students students to create, {@code student1@seed<seed>.aula.local}...
 * @param teachers teachers to create; course {@code c} is taught by teacher
 * {@code c mod teachers}
 * @param courses published courses
 * @param lessonsPerCourse lessons in each course, five to a module
 * @param enrolmentsPerStudent distinct courses each student is enrolled in, popular
 * courses more often
 * @param chatMessages course-chat messages, sent by enrolled students
 */
public record SeedPlan(long seed, int students, int teachers, int courses, int lessonsPerCourse,
		int enrolmentsPerStudent, int chatMessages) {

	/** The password of every seeded user, for load tests. */
	public static final String PASSWORD = "aula-load-2026";

	/** Lessons per module. */
	public static final int LESSONS_PER_MODULE = 5;

	/** The largest seed value: its course-code prefix must fit six letters. */
	public static final long MAX_SEED = 26L * 26 * 26 * 26 * 26 - 1;

	/** Course codes end in at most four digits. */
	public static final int MAX_COURSES = 9999;

	/**
	 * Subjects that every course title contains one of, so that searches find something.
	 */
	public static final String[] SUBJECTS = { "Algebra", "Biology", "Chemistry", "History", "Programming", "Statistics",
			"Literature", "Physics", "Economics", "Design", "Music", "Philosophy" };

	public SeedPlan {
		require(seed >= 0 && seed <= MAX_SEED, "seed must be between 0 and " + MAX_SEED);
		require(students >= 0 && students <= 10_000_000, "students must be between 0 and 10000000");
		require(teachers >= 1 && teachers <= 100_000, "teachers must be between 1 and 100000");
		require(courses >= 0 && courses <= MAX_COURSES, "courses must be between 0 and " + MAX_COURSES);
		require(lessonsPerCourse >= 1 && lessonsPerCourse <= 500, "lessons-per-course must be between 1 and 500");
		require(enrolmentsPerStudent >= 0 && enrolmentsPerStudent <= courses,
				"enrolments-per-student must be between 0 and the number of courses");
		require(chatMessages >= 0 && chatMessages <= 100_000_000, "chat-messages must be between 0 and 100000000");
		require(chatMessages == 0 || (students > 0 && enrolmentsPerStudent > 0),
				"chat-messages need students with enrolments");
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

	/**
	 * A stable id for the {@code index}-th thing of a kind under this seed.
	 * @param kind what the id is for, e.g. {@code "student"}
	 * @param index which one
	 * @return the same id for the same seed, kind and index, every time
	 */
	public UUID id(String kind, long... index) {
		return UUID.nameUUIDFromBytes(("aula-seed/" + this.seed + "/" + kind + "/" + Arrays.toString(index))
			.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @param purpose what the numbers decide
	 * @param index for which thing
	 * @return a generator giving the same numbers for the same seed, purpose and index
	 */
	public SplittableRandom random(String purpose, long index) {
		return new SplittableRandom(id(purpose, index).getMostSignificantBits());
	}

	/**
	 * @param student 1 to {@link #students()}
	 */
	public UUID studentId(int student) {
		return id("student", student);
	}

	/**
	 * @param student 1 to {@link #students()}
	 */
	public String studentEmail(int student) {
		return "student%d@seed%d.aula.local".formatted(student, this.seed);
	}

	/**
	 * @param teacher 0 to {@link #teachers()} - 1
	 */
	public UUID teacherId(int teacher) {
		return id("teacher", teacher);
	}

	/**
	 * @param teacher 0 to {@link #teachers()} - 1
	 */
	public String teacherEmail(int teacher) {
		return "teacher%d@seed%d.aula.local".formatted(teacher, this.seed);
	}

	/**
	 * @param course 1 to {@link #courses()}
	 */
	public UUID courseId(int course) {
		return id("course", course);
	}

	/**
	 * A course code unique to this seed: a prefix of letters spelling the seed in base 26
	 * after an {@code S}, such as {@code SB-12} for course 12 of seed 1.
	 * @param course 1 to {@link #courses()}
	 */
	public String courseCode(int course) {
		StringBuilder letters = new StringBuilder();
		long rest = this.seed;
		do {
			letters.insert(0, (char) ('A' + rest % 26));
			rest /= 26;
		}
		while (rest > 0);
		return "S" + letters + "-" + course;
	}

	/**
	 * @param course 1 to {@link #courses()}
	 */
	public int teacherOf(int course) {
		return course % this.teachers;
	}

	/** Modules in each course. */
	public int modulesPerCourse() {
		return (this.lessonsPerCourse + LESSONS_PER_MODULE - 1) / LESSONS_PER_MODULE;
	}

	/**
	 * @param course 1 to {@link #courses()}
	 * @param module 1 to {@link #modulesPerCourse()}
	 */
	public UUID moduleId(int course, int module) {
		return id("module", course, module);
	}

	/**
	 * @param course 1 to {@link #courses()}
	 * @param lesson 1 to {@link #lessonsPerCourse()}, in course order: lesson {@code l}
	 * is at position {@code (l - 1) mod 5 + 1} of module {@code (l - 1) / 5 + 1}
	 */
	public UUID lessonId(int course, int lesson) {
		return id("lesson", course, lesson);
	}

	/**
	 * @param course 1 to {@link #courses()}
	 * @return its price in cents: two courses in five are sold, the others free
	 */
	public long priceCents(int course) {
		return (course % 5 < 2) ? 1900 + (course * 700L) % 8100 : 0;
	}

	/**
	 * The courses a student is enrolled in: distinct, with low-numbered courses more
	 * popular, as on a real platform where a few courses draw most students.
	 * @param student 1 to {@link #students()}
	 * @return {@link #enrolmentsPerStudent()} course numbers
	 */
	public int[] coursesOf(int student) {
		SplittableRandom random = random("enrolments", student);
		int[] chosen = new int[this.enrolmentsPerStudent];
		boolean[] taken = new boolean[this.courses + 1];
		for (int i = 0; i < chosen.length; i++) {
			int course;
			int tries = 0;
			do {
				// Squaring a uniform number skews the choice towards the first courses;
				// after a few collisions the choice turns uniform so that it always ends.
				double u = random.nextDouble();
				course = 1 + (int) (this.courses * ((tries++ < 8) ? u * u : u));
			}
			while (taken[course]);
			taken[course] = true;
			chosen[i] = course;
		}
		return chosen;
	}

	/**
	 * @param student 1 to {@link #students()}
	 * @param course one of {@link #coursesOf(int) the student's courses}
	 * @return how many of the course's first lessons the student has completed: never all
	 * of them, so no seeded enrolment is a finished course waiting for a certificate
	 */
	public int lessonsCompleted(int student, int course) {
		return random("progress", (long) student * (MAX_COURSES + 1) + course).nextInt(this.lessonsPerCourse);
	}

}
