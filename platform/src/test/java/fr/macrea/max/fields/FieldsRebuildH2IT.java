package fr.macrea.max.fields;

import fr.macrea.max.PlatformTestApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** {@link FieldsRebuildCases} on H2 in MySQL mode, M.A.X.'s embedded default database. */
@SpringBootTest(classes = PlatformTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:fields_h2;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=",
        "max.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class FieldsRebuildH2IT extends FieldsRebuildCases {
}
