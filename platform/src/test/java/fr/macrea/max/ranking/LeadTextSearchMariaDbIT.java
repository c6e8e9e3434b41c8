package fr.macrea.max.ranking;

import fr.macrea.max.PlatformTestApplication;
import fr.macrea.max.testing.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link LeadTextSearchCases} on MariaDB (the production family). */
@SpringBootTest(classes = PlatformTestApplication.class, properties = "max.crm.sync.scheduled=false")
class LeadTextSearchMariaDbIT extends LeadTextSearchCases {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }
}
