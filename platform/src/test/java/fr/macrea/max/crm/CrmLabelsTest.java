package fr.macrea.max.crm;

import org.junit.jupiter.api.Test;

import static fr.macrea.max.testing.Texts.en;
import static fr.macrea.max.testing.Texts.fr;
import static org.assertj.core.api.Assertions.assertThat;

/** EspoCRM's stored values read with EspoCRM's own labels (fr_FR / en_US); unknown values stay as stored. */
class CrmLabelsTest {

    @Test
    void lead_sources_and_statuses_have_espocrm_s_french_and_english_labels() {
        assertThat(fr(CrmLabels.value("Lead", "source", "Web Site"))).isEqualTo("Site internet");
        assertThat(fr(CrmLabels.value("Lead", "source", "Existing Customer"))).isEqualTo("Client existant");
        assertThat(fr(CrmLabels.value("Lead", "source", "Public Relations"))).isEqualTo("Relations publiques");
        assertThat(en(CrmLabels.value("Lead", "source", "Web Site"))).isEqualTo("Web Site");
        assertThat(fr(CrmLabels.value("Lead", "status", "In Process"))).isEqualTo("En cours");
        assertThat(fr(CrmLabels.value("Lead", "status", "Dead"))).isEqualTo("Mort");
    }

    @Test
    void history_kinds_note_types_and_campaign_actions_are_translated() {
        assertThat(fr(CrmLabels.entity("Meeting"))).isEqualTo("Rendez-vous");
        assertThat(fr(CrmLabels.entity("Call"))).isEqualTo("Appel");
        assertThat(en(CrmLabels.entity("Meeting"))).isEqualTo("Meeting");
        assertThat(fr(CrmLabels.entity("CampaignLogRecord"))).isEqualTo("Journal de campagne");
        assertThat(fr(CrmLabels.value("Note", "type", "Post"))).isEqualTo("Poster");
        assertThat(fr(CrmLabels.value("CampaignLogRecord", "action", "Opened"))).isEqualTo("Ouvert");
        assertThat(fr(CrmLabels.value("CampaignLogRecord", "action", "Opted Out"))).isEqualTo("Désinscrit");
    }

    @Test
    void a_value_espocrm_does_not_ship_is_shown_as_stored() {
        assertThat(fr(CrmLabels.value("Lead", "source", "Salon Lyon 2026"))).isEqualTo("Salon Lyon 2026");
        assertThat(en(CrmLabels.value("Lead", "source", "Salon Lyon 2026"))).isEqualTo("Salon Lyon 2026");
        assertThat(fr(CrmLabels.entity("Opportunity"))).isEqualTo("Opportunity");
        assertThat(fr(CrmLabels.value("Lead", "source", null))).isEmpty();
    }
}
