package fr.macrea.max.action.analysis;

import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.CrmUnavailableException;
import fr.macrea.max.crm.Lead;
import fr.macrea.max.shared.Message;
import fr.macrea.max.testing.Texts;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The line the action log, the ledger, the feed and the notifications keep for an analysis names the lead by its
 * name (as the CRM has it), never by its 17-character id, and reads in the reader's language.
 */
class LeadAnalysisSummaryTest {

    static final String INES = "6b0f202a001b37f75";
    static final String COMPANY_ONLY = "6b0f202a001b37f76";
    static final String GONE = "6b0f202a001b37f77";

    private final Map<String, Lead> leads = Map.of(
            INES, lead(INES, "Inès", "Durand", "Boutique Lefèvre"),
            COMPANY_ONLY, lead(COMPANY_ONLY, null, null, "Atelier Nord"));

    private final LeadAnalysisAction action = new LeadAnalysisAction(Clock.systemUTC(), List.of(), crm(false));

    @Test
    void the_summary_names_the_lead_by_its_crm_name_even_when_the_screen_sent_only_the_id() {
        Message summary = action.describe(new LeadAnalysisParams(INES));
        assertThat(Texts.fr(summary)).isEqualTo("analyse du lead Inès Durand").doesNotContain(INES);
        assertThat(Texts.en(summary)).isEqualTo("analysis of lead Inès Durand");
    }

    @Test
    void a_lead_without_a_person_name_is_named_by_its_company() {
        assertThat(Texts.fr(action.describe(new LeadAnalysisParams(COMPANY_ONLY)))).isEqualTo("analyse du lead Atelier Nord");
    }

    @Test
    void a_lead_the_crm_does_not_know_keeps_the_screen_s_name_else_its_id() {
        assertThat(Texts.fr(action.describe(new LeadAnalysisParams(GONE, " Inès D. ")))).isEqualTo("analyse du lead Inès D.");
        assertThat(Texts.fr(action.describe(new LeadAnalysisParams(GONE)))).isEqualTo("analyse du lead " + GONE);
    }

    @Test
    void an_unavailable_crm_does_not_stop_the_summary() {
        LeadAnalysisAction offline = new LeadAnalysisAction(Clock.systemUTC(), List.of(), crm(true));
        assertThat(Texts.fr(offline.describe(new LeadAnalysisParams(INES, "Inès Durand")))).isEqualTo("analyse du lead Inès Durand");
    }

    @Test
    void a_very_long_name_is_cut() {
        String summary = Texts.fr(action.describe(new LeadAnalysisParams(GONE, "x".repeat(1000))));
        assertThat(summary).hasSize("analyse du lead ".length() + LeadAnalysisParams.NAME_LENGTH);
    }

    private static Lead lead(String id, String first, String last, String company) {
        return new Lead(id, first, last, company, null, null, false, null, false, "New", null, null, null, null,
                null, null, null, null, null);
    }

    /** Only findLead is asked: a proxy answers it from {@link #leads}. */
    private CrmGateway crm(boolean unavailable) {
        return (CrmGateway) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{CrmGateway.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("findLead")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    if (unavailable) {
                        throw new CrmUnavailableException(Message.of("shared.untranslated", "EspoCRM injoignable"), null);
                    }
                    return Optional.ofNullable(leads.get((String) args[0]));
                });
    }
}
