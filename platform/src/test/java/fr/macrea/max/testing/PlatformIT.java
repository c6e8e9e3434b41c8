package fr.macrea.max.testing;

import fr.macrea.max.PlatformTestApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Base of platform integration tests: the whole platform context on the real MariaDB. */
@SpringBootTest(classes = PlatformTestApplication.class)
public abstract class PlatformIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }
}
