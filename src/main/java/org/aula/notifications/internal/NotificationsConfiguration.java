package org.aula.notifications.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Chooses where emails go: over SMTP when Spring Boot configured a mail sender (that is,
 * {@code spring.mail.host} is set), to the log otherwise.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationSettings.class)
class NotificationsConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(NotificationsConfiguration.class);

	@Bean
	EmailTransport emailTransport(ObjectProvider<JavaMailSender> mailSender, NotificationSettings settings,
			@Value("${aula.embedded:false}") boolean embedded) {
		JavaMailSender sender = mailSender.getIfAvailable();
		EmailTransport transport = (sender != null) ? new SmtpTransport(sender, settings.fromAddress())
				: new LogTransport();
		if (sender == null && !embedded) {
			logger.warn("Emails go to {}: users receive no invitations, password resets or confirmations",
					transport.describe());
		}
		else {
			logger.info("Emails go to {}", transport.describe());
		}
		return transport;
	}

}
