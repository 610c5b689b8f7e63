package org.aula.certificates;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Listens to {@link CertificateIssued} the way another module would (after commit), and
 * keeps what it heard for the test to check.
 */
public class HeardCertificates {

	private final List<CertificateIssued> heard = new CopyOnWriteArrayList<>();

	@TransactionalEventListener
	void on(CertificateIssued issued) {
		this.heard.add(issued);
	}

	List<CertificateIssued> of(UUID studentId) {
		return this.heard.stream().filter((issued) -> issued.studentId().equals(studentId)).toList();
	}

}
