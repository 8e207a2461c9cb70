package dev.portolan.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the tests that run against the real engine: one {@link TestEngine} per test
 * class, with what earlier tests left (by label) cleaned up before and after.
 */
public abstract class EngineTest {

    protected static TestEngine engine;

    @BeforeAll
    static void connectEngine() {
        engine = new TestEngine();
        engine.cleanUp();
    }

    @AfterAll
    static void disconnectEngine() {
        engine.cleanUp();
        engine.close();
    }
}
