package dev.latchkey.kotlintest

import dev.latchkey.runtime.LatchkeyClient
import dev.latchkey.runtime.LatchkeyConfigException
import dev.latchkey.runtime.UserPassword
import dev.latchkey.runtime.token.TokenScheme
import java.io.File
import java.time.Duration
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * Issue 15: this module depends on latchkey-runtime like a JSON-only user, so Jackson XML (an
 * optional dependency of the runtime) must not be on its class path, and a JSON client must build
 * and run without it. The generated client of XandrKtApi is such a client (SuspendClientTest).
 */
class JsonOnlyClassPathTest {
    private val classPath: List<String> =
        (System.getProperty("surefire.test.class.path") ?: System.getProperty("java.class.path"))
            .split(File.pathSeparator)

    @Test
    fun theResolvedClassPathHasNoJacksonXml() {
        // The runtime is there (its jar, or its classes in a reactor build) with its other deps.
        assertTrue(classPath.any { "latchkey-runtime" in it || "/runtime/target" in it }, classPath.toString())
        assertTrue(classPath.any { "jackson-datatype-jsr310" in it }, classPath.toString())
        assertTrue(classPath.none { "jackson-dataformat-xml" in it }, classPath.toString())
        assertThrows(ClassNotFoundException::class.java) {
            Class.forName("com.fasterxml.jackson.dataformat.xml.XmlMapper")
        }
    }

    @Test
    fun anXmlClientIsRefusedAtBuildNamingTheArtifact() {
        val scheme = TokenScheme.builder().loginPath("auth").tokenPointer("/response/token")
            .header("Authorization", "{token}").idleLifetime(Duration.ofHours(2))
            .credentials { UserPassword("u", "p") }.build()
        val e = assertThrows(LatchkeyConfigException::class.java) {
            LatchkeyClient.builder("Api").baseUrl("http://127.0.0.1:9/").auth(scheme).xml(true).build()
        }
        assertTrue("com.fasterxml.jackson.dataformat:jackson-dataformat-xml" in e.message!!, e.message)
    }
}
