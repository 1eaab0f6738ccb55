/**
 * Compile-time checks of the Retrofit methods of an annotated interface: the rules Retrofit's
 * {@code RequestFactory} and {@code HttpServiceMethod} enforce at run time, reported as errors on
 * the exact method, parameter or annotation value. Annotations are read by qualified name, so the
 * processor needs no Retrofit on its own classpath. {@link MethodChecks} is the only entry point.
 */
package dev.latchkey.processor.check;
