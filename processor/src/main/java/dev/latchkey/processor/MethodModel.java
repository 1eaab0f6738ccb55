package dev.latchkey.processor;

import javax.lang.model.element.ExecutableElement;

/**
 * One abstract method of the interface (declared or inherited) that the generated client delegates
 * to the Retrofit proxy.
 */
record MethodModel(ExecutableElement method) {}
