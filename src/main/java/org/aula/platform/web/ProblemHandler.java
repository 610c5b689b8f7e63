package org.aula.platform.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception that reaches Spring MVC into an RFC 9457 problem with a stable
 * type. Anything not recognised is a bug on our side: the client gets a generic 500 with
 * the request id and the full story goes to the log, never to the response.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return validationProblem(fieldErrors(ex.getBindingResult()), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach((result) -> result.getResolvableErrors()
				.forEach((error) -> errors
					.add(new FieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
		return validationProblem(errors, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (causedBy(ex, PayloadTooLarge.class)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					"The request body is larger than this endpoint accepts.");
			problem.setType(ProblemTypes.PAYLOAD_TOO_LARGE);
			return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is missing or is not valid JSON of the expected shape.");
		problem.setType(ProblemTypes.MALFORMED_REQUEST);
		problem.setTitle("Malformed request body");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * A body that claims to be multipart but is not, or an upload above the configured
	 * limits.
	 */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> handleMultipart(MultipartException ex, WebRequest request) {
		if (ex instanceof MaxUploadSizeExceededException) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					"The upload is larger than this endpoint accepts.");
			problem.setType(ProblemTypes.PAYLOAD_TOO_LARGE);
			return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE, request);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The multipart request body could not be read.");
		problem.setType(ProblemTypes.MALFORMED_REQUEST);
		problem.setTitle("Malformed request body");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
		List<FieldError> errors = ex.getConstraintViolations()
			.stream()
			.map((violation) -> new FieldError(violation.getPropertyPath().toString(), violation.getMessage()))
			.toList();
		return validationProblem(errors, new HttpHeaders(), request);
	}

	/**
	 * Method security denies inside the controller; the caller is then known, so
	 * anonymous means "authenticate first" (401) and anyone else "not allowed" (403).
	 */
	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	ResponseEntity<Object> handleDenied(Exception ex, WebRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean anonymous = ex instanceof AuthenticationException || authentication == null
				|| authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated();
		HttpStatus status = anonymous ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				anonymous ? "Authentication is required." : "You are not allowed to do this.");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), status, request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
		if (ProblemResponses.isDatabaseUnavailable(ex)) {
			return databaseUnavailable(ex, request);
		}
		log.error("Unhandled error while serving {}", request.getDescription(false), ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side. Quote the request id if you report it.");
		problem.setType(ProblemTypes.INTERNAL_ERROR);
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	/**
	 * No database connection within the pool's timeout: every connection is busy (an
	 * overload) or the database is away. Either way the request did nothing and may be
	 * retried shortly, which is what 503 with {@code Retry-After} tells a client and a
	 * load balancer; a 500 would read as a bug.
	 */
	private ResponseEntity<Object> databaseUnavailable(Exception ex, WebRequest request) {
		log.warn("No database connection while serving {}: {}", request.getDescription(false), rootMessage(ex));
		ProblemDetail problem = ProblemResponses.databaseUnavailable(null);
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, ProblemResponses.DATABASE_RETRY_AFTER_SECONDS);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.toString();
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		// A problem is always JSON: fixing the type skips content negotiation, which
		// would fail
		// again on the very Accept header that may have caused the error.
		HttpHeaders problemHeaders = new HttpHeaders();
		problemHeaders.putAll(headers);
		problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, problemHeaders, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem) {
			ProblemResponses.decorate(problem, servletRequest(request));
		}
		return response;
	}

	private ResponseEntity<Object> validationProblem(List<FieldError> errors, HttpHeaders headers, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has invalid fields; see errors.");
		problem.setType(ProblemTypes.VALIDATION_FAILED);
		problem.setTitle("Validation failed");
		problem.setProperty("errors", errors);
		return handleExceptionInternal(new IllegalArgumentException("validation"), problem, headers,
				HttpStatus.BAD_REQUEST, request);
	}

	private static List<FieldError> fieldErrors(BindingResult result) {
		List<FieldError> errors = new ArrayList<>();
		result.getFieldErrors().forEach((error) -> errors.add(new FieldError(error.getField(), message(error))));
		result.getGlobalErrors().forEach((error) -> errors.add(new FieldError("", error.getDefaultMessage())));
		return errors;
	}

	private static String message(org.springframework.validation.FieldError error) {
		if (error.isBindingFailure()) {
			return "has the wrong type";
		}
		return error.getDefaultMessage();
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		return ProblemResponses.causedBy(ex, type);
	}

	private static HttpServletRequest servletRequest(WebRequest request) {
		return (request instanceof NativeWebRequest nativeRequest)
				? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
	}

}
