/** HTTP helpers shared by every auth kind: call adapters and small OkHttp utilities. */
package dev.latchkey.runtime.http;
