package org.aula.load;

import java.util.random.RandomGenerator;

/**
 * What a student does next, with its share of a day's actions in percent.
 */
enum Action {

	CATALOG_PAGE(35), CATALOG_SEARCH(20), COURSE(15), MY_COURSES(10), CHAT(8), COMPLETE_LESSON(6), GRADES(3),
	MEDIA(2), ENROL(1);

	private static final int TOTAL = total();

	private final int percent;

	Action(int percent) {
		this.percent = percent;
	}

	/** A weighted random action. */
	static Action pick(RandomGenerator random) {
		int roll = random.nextInt(TOTAL);
		for (Action action : values()) {
			roll -= action.percent;
			if (roll < 0) {
				return action;
			}
		}
		throw new IllegalStateException("the shares add up to " + TOTAL);
	}

	/** Every action in turn, so a short run still tries each one. */
	static Action inTurn(long iteration) {
		return values()[(int) (iteration % values().length)];
	}

	private static int total() {
		int total = 0;
		for (Action action : values()) {
			total += action.percent;
		}
		return total;
	}

}
