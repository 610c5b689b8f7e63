package org.aula.platform.web;

import java.io.IOException;

/**
 * Raised while reading a request body that turns out larger than allowed. It is an
 * {@link IOException} so it travels through JSON parsers unchanged to the problem
 * handler.
 */
class PayloadTooLarge extends IOException {

	PayloadTooLarge(long limit) {
		super("Request body exceeds the limit of " + limit + " bytes");
	}

}
