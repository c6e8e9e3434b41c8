package fr.macrea.max;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The platform's Spring context for integration tests (the real application lives in the ui module). */
@SpringBootApplication
public class PlatformTestApplication {
}
