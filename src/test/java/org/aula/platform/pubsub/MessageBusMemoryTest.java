package org.aula.platform.pubsub;

class MessageBusMemoryTest extends MessageBusContract {

	@Override
	MessageBus createBus() {
		return new InMemoryMessageBus();
	}

}
