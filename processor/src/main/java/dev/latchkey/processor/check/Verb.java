package dev.latchkey.processor.check;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/**
 * One HTTP method annotation as Retrofit reads it: {@code @GET("users")} or
 * {@code @HTTP(method = "DELETE", path = "users", hasBody = true)}.
 *
 * @param mirror the annotation, for error positions
 * @param annotation its simple name ("GET", "HTTP"), as the user wrote it
 * @param method the HTTP method ("GET", or the {@code method} of {@code @HTTP})
 * @param url the relative or absolute URL, "" when none
 * @param urlValue the URL as written, or null when left at its default
 * @param hasBody whether the method sends a request body
 */
record Verb(
    AnnotationMirror mirror,
    String annotation,
    String method,
    String url,
    AnnotationValue urlValue,
    boolean hasBody) {}
