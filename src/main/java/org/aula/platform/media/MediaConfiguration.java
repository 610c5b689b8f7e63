package org.aula.platform.media;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaStoreSettings.class)
class MediaConfiguration {

	@Bean
	MediaStore mediaStore(MediaStoreSettings settings) {
		return new FileSystemMediaStore(settings.directory());
	}

}
