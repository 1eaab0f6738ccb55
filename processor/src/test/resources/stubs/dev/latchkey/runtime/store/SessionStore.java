package dev.latchkey.runtime.store;

/** Stub of the runtime's session store, for compiling generated code in processor tests. */
public interface SessionStore {}
