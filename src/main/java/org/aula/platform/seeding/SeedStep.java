package org.aula.platform.seeding;

import java.util.Map;

/**
 * One module's part of a seed run: it creates the rows of its own tables for a plan.
 * Steps run in {@link #order()}, each finishing before the next, so a later step may
 * refer to rows an earlier one made.
 */
public interface SeedStep {

	/** The module the step belongs to, for the report. */
	String module();

	/** Position among the steps: identity 10, catalog 20, learning 30, chat 40. */
	int order();

	/**
	 * Creates what the plan asks for and is not there yet.
	 * @param plan the plan
	 * @return rows created per table, in a stable order
	 */
	Map<String, Long> seed(SeedPlan plan);

}
