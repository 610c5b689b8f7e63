package org.aula.capacity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped Grafana dashboard, read as Grafana reads it, and the metric names and exact
 * label matchers its queries use.
 */
final class GrafanaDashboard {

	static final Path FILE = Path.of("deploy", "grafana", "aula-dashboard.json");

	private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");

	private static final Pattern EXACT_MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*\"([^\"]*)\"");

	private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
			"bool", "and", "or", "unless", "offset", "inf", "nan");

	/** Labels that Prometheus adds when it scrapes, never Aula. */
	private static final Set<String> TARGET_LABELS = Set.of("instance", "job");

	final JsonNode json;

	private GrafanaDashboard(JsonNode json) {
		this.json = json;
	}

	static GrafanaDashboard read() {
		return new GrafanaDashboard(JsonMapper.builder().build().readTree(FILE.toFile()));
	}

	/**
	 * @return every panel, those inside rows included
	 */
	List<JsonNode> panels() {
		List<JsonNode> panels = new ArrayList<>();
		for (JsonNode panel : this.json.get("panels")) {
			panels.add(panel);
			if (panel.has("panels")) {
				panel.get("panels").forEach(panels::add);
			}
		}
		return panels;
	}

	/**
	 * @return every PromQL expression of the panels' queries
	 */
	List<String> expressions() {
		List<String> expressions = new ArrayList<>();
		for (JsonNode panel : panels()) {
			if (panel.has("targets")) {
				for (JsonNode target : panel.get("targets")) {
					expressions.add(target.get("expr").asString());
				}
			}
		}
		return expressions;
	}

	/**
	 * @return the metric names of the panels' queries and the template variables'
	 */
	Set<String> metricNames() {
		Set<String> names = new LinkedHashSet<>();
		for (String expression : expressions()) {
			names.addAll(metricNames(expression));
		}
		for (JsonNode variable : this.json.get("templating").get("list")) {
			Matcher labelValues = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)")
				.matcher(variable.get("definition").asString());
			if (labelValues.find()) {
				names.add(labelValues.group(1));
			}
		}
		return names;
	}

	/**
	 * @return for each metric, the {@code label="value"} matchers the queries select it
	 * by, except those on labels that Prometheus adds
	 */
	Map<String, Set<String>> exactMatchers() {
		Map<String, Set<String>> matchers = new LinkedHashMap<>();
		for (String expression : expressions()) {
			Matcher selector = SELECTOR.matcher(expression);
			while (selector.find()) {
				Matcher exact = EXACT_MATCHER.matcher(selector.group(2));
				while (exact.find()) {
					if (!TARGET_LABELS.contains(exact.group(1))) {
						matchers.computeIfAbsent(selector.group(1), (name) -> new LinkedHashSet<>())
							.add(exact.group(1) + "=\"" + exact.group(2) + "\"");
					}
				}
			}
		}
		return matchers;
	}

	static Set<String> metricNames(String expression) {
		String bare = expression.replaceAll("\\{[^}]*}", " ")
			.replaceAll("\\[[^]]*]", " ")
			.replaceAll("\"[^\"]*\"", " ")
			.replaceAll("\\$\\{?[a-zA-Z_]+}?", " ")
			.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
		Set<String> names = new LinkedHashSet<>();
		Matcher identifier = IDENTIFIER.matcher(bare);
		while (identifier.find()) {
			String name = identifier.group();
			boolean function = bare.substring(identifier.end()).matches("(?s)\\s*\\(.*");
			boolean number = identifier.start() > 0 && Character.isDigit(bare.charAt(identifier.start() - 1));
			if (!function && !number && !KEYWORDS.contains(name.toLowerCase())) {
				names.add(name);
			}
		}
		return names;
	}

}
