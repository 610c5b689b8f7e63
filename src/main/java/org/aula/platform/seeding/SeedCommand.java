package org.aula.platform.seeding;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar aula.jar seed [options] [--setting=value...]}: fills the configured
 * database with generated data and exits. It starts Aula without its web server (Flyway
 * migrates the schema first), so it seeds exactly the database the server would use.
 */
public final class SeedCommand {

	/** The first argument that selects this command. */
	public static final String NAME = "seed";

	static final String USAGE = """
			Usage: java -jar aula.jar seed [--seed N] [--students N] [--teachers N] [--courses N]
			                               [--lessons-per-course N] [--enrolments-per-student N]
			                               [--chat-messages N] [--setting=value...]
			Fills the configured database (AULA_DATABASE_URL, else the embedded H2) with generated
			users, courses, enrolments, progress, grades, sales and chat messages. The same seed
			creates the same data, so running it again creates nothing new. Defaults: seed 1,
			10000 students, 100 teachers, 300 courses, 20 lessons per course, 4 enrolments per
			student, 200000 chat messages.""";

	private SeedCommand() {
	}

	/**
	 * @param args the command line
	 * @return whether it asks for this command
	 */
	public static boolean isSeed(String[] args) {
		return args.length > 0 && NAME.equals(args[0]);
	}

	/**
	 * Runs the command.
	 * @param application the application class to start
	 * @param args the command line, {@code seed} first
	 * @param out where the report goes
	 * @return the process exit code: 0 done, 1 failed, 2 bad arguments
	 */
	public static int run(Class<?> application, String[] args, PrintStream out) {
		Invocation invocation;
		try {
			invocation = parse(args);
		}
		catch (IllegalArgumentException ex) {
			out.println("seed: " + ex.getMessage());
			out.println(USAGE);
			return 2;
		}
		if (invocation == null) {
			out.println(USAGE);
			return 0;
		}
		List<String> springArgs = new ArrayList<>(invocation.settings());
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.web(WebApplicationType.NONE)
			.properties(Map.of("spring.main.banner-mode", "off", "logging.level.root", "WARN",
					// A seeding process must not pick up queued jobs and then exit under
					// them.
					"aula.jobs.worker.enabled", "false"))
			.run(springArgs.toArray(String[]::new))) {
			context.getBean(Seeder.class).seed(invocation.plan(), out);
			return 0;
		}
		catch (RuntimeException ex) {
			out.println("seed failed: " + ex);
			ex.printStackTrace(out);
			return 1;
		}
	}

	/**
	 * @return the plan and pass-through settings, or {@code null} when help was asked for
	 * @throws IllegalArgumentException for anything that is not a valid option
	 */
	static Invocation parse(String[] args) {
		Map<String, Long> options = new LinkedHashMap<>(Map.of("seed", 1L, "students", 10_000L, "teachers", 100L,
				"courses", 300L, "lessons-per-course", 20L, "enrolments-per-student", 4L, "chat-messages", 200_000L));
		List<String> settings = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--help") || arg.equals("-h")) {
				return null;
			}
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("unexpected argument '" + arg + "'");
			}
			int equals = arg.indexOf('=');
			String name = arg.substring(2, (equals < 0) ? arg.length() : equals);
			if (!options.containsKey(name)) {
				if (equals < 0) {
					throw new IllegalArgumentException("unknown option '" + arg + "'");
				}
				settings.add(arg);
				continue;
			}
			String value;
			if (equals >= 0) {
				value = arg.substring(equals + 1);
			}
			else if (i + 1 < args.length) {
				value = args[++i];
			}
			else {
				throw new IllegalArgumentException("--" + name + " needs a number");
			}
			try {
				options.put(name, Long.parseLong(value));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("--" + name + " needs a number, not '" + value + "'");
			}
		}
		return new Invocation(new SeedPlan(options.get("seed"), toInt(options, "students"), toInt(options, "teachers"),
				toInt(options, "courses"), toInt(options, "lessons-per-course"),
				toInt(options, "enrolments-per-student"), toInt(options, "chat-messages")), settings);
	}

	private static int toInt(Map<String, Long> options, String name) {
		long value = options.get(name);
		if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("--" + name + " is out of range");
		}
		return (int) value;
	}

	record Invocation(SeedPlan plan, List<String> settings) {
	}

}
