package fr.macrea.max.fields;

import fr.macrea.max.MaxApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** {@link BrainFieldPlansCases} on H2 in MySQL mode, the embedded default of {@code ./max run}. */
@SpringBootTest(classes = MaxApplication.class, properties = {"max.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:brain_plans_h2;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=",
        "max.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class BrainFieldPlansH2IT extends BrainFieldPlansCases {
}
