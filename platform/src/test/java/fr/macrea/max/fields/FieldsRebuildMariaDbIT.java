package fr.macrea.max.fields;

import fr.macrea.max.PlatformTestApplication;
import fr.macrea.max.testing.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link FieldsRebuildCases} on MariaDB, whose DDL commits on its own (rollback is by reversal only). */
@SpringBootTest(classes = PlatformTestApplication.class)
class FieldsRebuildMariaDbIT extends FieldsRebuildCases {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }
}
