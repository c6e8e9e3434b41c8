package fr.macrea.max.ui.action;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fr.macrea.max.action.ActionService;
import fr.macrea.max.action.analysis.LeadAnalysisService;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Every screen runs actions through {@link ActionCard} (idempotency key per intent, Auto double confirmation,
 * quote, live balance): no view calls the pipeline by itself.
 */
class OneActionPathTest {

    private static final JavaClasses UI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.macrea.max.ui");

    @Test
    void onlyTheActionCardRunsActions() {
        noClasses().that().resideInAPackage("fr.macrea.max.ui..").and().doNotHaveSimpleName("ActionCard")
                .should().callMethod(ActionService.class, "run", fr.macrea.max.action.ActionRequest.class)
                .orShould().callMethod(LeadAnalysisService.class, "analyseLead", String.class, String.class)
                .check(UI);
    }
}
