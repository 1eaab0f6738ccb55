/** The processor's cost: compiling many annotated interfaces with and without it. */
package dev.latchkey.bench.compile;
