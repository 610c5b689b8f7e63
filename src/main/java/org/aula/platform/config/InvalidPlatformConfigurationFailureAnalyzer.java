package org.aula.platform.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

class InvalidPlatformConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidPlatformConfiguration> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidPlatformConfiguration cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix the setting named above (see the configuration table in README.md) and start Aula again.", cause);
	}

}
