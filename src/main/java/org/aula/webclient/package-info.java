/**
 * Web client: the browser front end of Aula, plain ES modules and CSS served by Aula
 * itself. Assets are fingerprinted at start-up (a content hash in the file name) and
 * cached for a year; the page that names them is never cached, so a deployment reaches
 * every browser on its next page load. The client talks to the public REST API and the
 * chat socket only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web client")
package org.aula.webclient;
