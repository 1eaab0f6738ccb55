/** The Latchkey annotation processor: reader, model, validator and JavaPoet writer. */
package dev.latchkey.processor;
