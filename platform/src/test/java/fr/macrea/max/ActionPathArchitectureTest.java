package fr.macrea.max;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fr.macrea.max.wallet.ActionCharges;
import fr.macrea.max.wallet.Reservation;
import fr.macrea.max.wallet.WalletService;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * One action path: tokens are reserved, committed and refunded by the action pipeline only. Any other feature (or a
 * view, which sits in ui and sees only public platform types) charges tokens by running an action and gives them
 * back by undoing it.
 */
class ActionPathArchitectureTest {

    private static final JavaClasses PLATFORM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.macrea.max");

    @Test
    void onlyTheActionFeatureReservesCommitsOrRefunds() {
        noClasses().that().resideOutsideOfPackages("fr.macrea.max.action..", "fr.macrea.max.wallet..")
                .should().dependOnClassesThat().areAssignableTo(ActionCharges.class)
                .orShould().dependOnClassesThat().areAssignableTo(Reservation.class)
                .because("reserve, commit and refund belong to the action pipeline (docs/wallet-and-actions.md)")
                .check(PLATFORM);
    }

    @Test
    void theWalletServiceOffersNoWayToSpendOrRefund() {
        methods().that().areDeclaredIn(WalletService.class).and().arePublic()
                .should().haveNameNotMatching("reserve.*|commit.*|refund.*|spend.*")
                .because("a caller outside the action feature must not move tokens around the pipeline")
                .check(PLATFORM);
    }
}
