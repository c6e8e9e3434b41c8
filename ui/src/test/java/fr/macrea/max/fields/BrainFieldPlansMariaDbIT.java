package fr.macrea.max.fields;

import fr.macrea.max.MaxApplication;
import fr.macrea.max.testing.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link BrainFieldPlansCases} on MariaDB. */
@SpringBootTest(classes = MaxApplication.class, properties = "max.demo.enabled=false")
class BrainFieldPlansMariaDbIT extends BrainFieldPlansCases {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }
}
