package org.aula.platform.media;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the file store keeps its files. The catalog binds its own media settings (upload
 * size, public links) under the same prefix.
 *
 * @param directory the store's directory; every instance of a cluster must see the same
 * one (a shared volume)
 */
@ConfigurationProperties("aula.media")
record MediaStoreSettings(@DefaultValue("./data/media") Path directory) {
}
