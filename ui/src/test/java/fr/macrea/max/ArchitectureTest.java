package fr.macrea.max;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The module and package rules of ARCHITECTURE.md, checked on the compiled application. */
class ArchitectureTest {

    private static final JavaClasses MAX = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.macrea.max");

    @Test
    void viewsNeverReachTheDatabaseOrInternals() {
        noClasses().that().resideInAPackage("fr.macrea.max.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "fr.macrea.max.db..", "..internal..")
                .check(MAX);
    }

    @Test
    void thePlatformKnowsNothingOfVaadin() {
        noClasses().that().resideOutsideOfPackage("fr.macrea.max.ui..")
                .and().doNotHaveFullyQualifiedName(MaxApplication.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..")
                .check(MAX);
    }

    @Test
    void repositoriesStayInsideTheirFeature() {
        classes().that().areAnnotatedWith(Repository.class)
                .should().notBePublic()
                .check(MAX);
    }

    @Test
    void generatedJooqTypesNeverCrossAPublicSignature() {
        List<String> leaks = new ArrayList<>();
        for (JavaClass type : MAX) {
            if (type.getPackageName().startsWith("fr.macrea.max.db") || !type.getModifiers().contains(JavaModifier.PUBLIC)) {
                continue;
            }
            for (JavaMethod method : type.getMethods()) {
                if (!method.getModifiers().contains(JavaModifier.PUBLIC)) {
                    continue;
                }
                boolean exposes = isGenerated(method.getRawReturnType())
                        || method.getRawParameterTypes().stream().anyMatch(ArchitectureTest::isGenerated);
                if (exposes) {
                    leaks.add(method.getFullName());
                }
            }
        }
        assertThat(leaks).as("public methods exposing generated jOOQ types").isEmpty();
    }

    private static boolean isGenerated(JavaClass type) {
        return type.getPackageName().startsWith("fr.macrea.max.db.");
    }
}
