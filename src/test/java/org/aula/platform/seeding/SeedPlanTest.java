package org.aula.platform.seeding;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SeedPlanTest {

	private final SeedPlan plan = new SeedPlan(1, 10_000, 100, 300, 20, 4, 200_000);

	@Test
	void derivesTheSameIdsAndChoicesEveryTime() {
		SeedPlan again = new SeedPlan(1, 10_000, 100, 300, 20, 4, 200_000);
		assertThat(again.studentId(42)).isEqualTo(this.plan.studentId(42));
		assertThat(again.lessonId(7, 3)).isEqualTo(this.plan.lessonId(7, 3));
		assertThat(again.coursesOf(42)).containsExactly(this.plan.coursesOf(42));
		assertThat(again.lessonsCompleted(42, 7)).isEqualTo(this.plan.lessonsCompleted(42, 7));
	}

	@Test
	void keepsSeedsApart() {
		SeedPlan other = new SeedPlan(2, 10_000, 100, 300, 20, 4, 200_000);
		assertThat(other.studentId(1)).isNotEqualTo(this.plan.studentId(1));
		assertThat(other.studentEmail(1)).isNotEqualTo(this.plan.studentEmail(1));
		assertThat(other.courseCode(1)).isNotEqualTo(this.plan.courseCode(1));
	}

	@Test
	void givesEachStudentDistinctExistingCoursesWithPopularOnesFirst() {
		int[] enrolmentsPerCourse = new int[301];
		for (int student = 1; student <= 10_000; student++) {
			int[] courses = this.plan.coursesOf(student);
			assertThat(courses).hasSize(4).doesNotHaveDuplicates();
			assertThat(Arrays.stream(courses).min().getAsInt()).isGreaterThanOrEqualTo(1);
			assertThat(Arrays.stream(courses).max().getAsInt()).isLessThanOrEqualTo(300);
			Arrays.stream(courses).forEach((course) -> enrolmentsPerCourse[course]++);
		}
		int firstTen = IntStream.rangeClosed(1, 10).map((c) -> enrolmentsPerCourse[c]).sum();
		int lastTen = IntStream.rangeClosed(291, 300).map((c) -> enrolmentsPerCourse[c]).sum();
		assertThat(firstTen).isGreaterThan(3 * lastTen);
	}

	@Test
	void enrolsInEveryCourseWhenAskedFor() {
		SeedPlan all = new SeedPlan(1, 5, 1, 6, 1, 6, 0);
		assertThat(all.coursesOf(3)).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
	}

	@Test
	void neverCompletesAWholeCourse() {
		for (int student = 1; student <= 2_000; student++) {
			for (int course : this.plan.coursesOf(student)) {
				assertThat(this.plan.lessonsCompleted(student, course)).isBetween(0, 19);
			}
		}
	}

	@Test
	void makesValidUniqueCourseCodes() {
		Set<String> codes = new HashSet<>();
		for (long seed : new long[] { 0, 1, 25, 26, 675, SeedPlan.MAX_SEED }) {
			SeedPlan plan = new SeedPlan(seed, 0, 1, SeedPlan.MAX_COURSES, 1, 0, 0);
			for (int course : new int[] { 1, 10, SeedPlan.MAX_COURSES }) {
				assertThat(plan.courseCode(course)).matches("[A-Z]{2,6}-[0-9]{1,4}");
				assertThat(codes.add(plan.courseCode(course))).isTrue();
			}
		}
	}

	@Test
	void rejectsImpossiblePlans() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SeedPlan(-1, 1, 1, 1, 1, 1, 0))
			.withMessageContaining("seed");
		assertThatIllegalArgumentException().isThrownBy(() -> new SeedPlan(1, 1, 1, 3, 1, 4, 0))
			.withMessageContaining("enrolments-per-student");
		assertThatIllegalArgumentException().isThrownBy(() -> new SeedPlan(1, 1, 0, 3, 1, 1, 0))
			.withMessageContaining("teachers");
		assertThatIllegalArgumentException().isThrownBy(() -> new SeedPlan(1, 1, 1, 10_000, 1, 1, 0))
			.withMessageContaining("courses");
		assertThatIllegalArgumentException().isThrownBy(() -> new SeedPlan(1, 0, 1, 3, 1, 0, 5))
			.withMessageContaining("chat-messages");
	}

}
