/**
 * The Latchkey annotation processor.
 *
 * <p>{@link dev.latchkey.processor.LatchkeyProcessor} finds interfaces annotated with
 * {@code @DigestAuth}, {@code @TokenLogin} or {@code @HeaderAuth}. {@code ClientReader} and one
 * reader per annotation check them and build an immutable {@code ClientModel} (records), reporting
 * every problem as a {@link dev.latchkey.processor.Diagnostic} on the exact annotation value
 * through {@link dev.latchkey.processor.Reporter}. {@code ClientWriter} and {@code BuilderWriter},
 * with one {@code SchemeWriter} per kind, then write {@code Latchkey<Name>} with JavaPoet.
 * Generated code only wires the runtime; all behaviour lives in {@code dev.latchkey.runtime}.
 */
package dev.latchkey.processor;
