/**
 * The MediaSilo API v3 sample (seed 002): header authentication with an account header, an API key
 * header and either HTTP Basic or a session key. {@link dev.latchkey.samples.mediasilo.MediaSiloApi}
 * is the annotated interface, {@link dev.latchkey.samples.mediasilo.MediaSiloSimulator} a loopback
 * stand-in for the service, {@link dev.latchkey.samples.mediasilo.MediaSiloSample} the CLI's view.
 */
package dev.latchkey.samples.mediasilo;
