package fr.macrea.max.action;

import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.TenantId;
import fr.macrea.max.testing.Texts;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an undo leaves for people: the CRM note (French, CRM data read in EspoCRM) and the feed line, French for SSE
 * clients and in the user's language in the UI.
 */
class UndoTextsTest {

    @Test
    void the_crm_note_of_an_undo_is_a_french_sentence_with_the_action_and_the_refund() {
        Message note = Message.of("action.undo.note", "Mise à jour de lead", 3);

        assertThat(Texts.fr(note)).isEqualTo(
                "M.A.X. — annulation de « Mise à jour de lead » : valeurs d’origine restaurées, 3 jeton(s) remboursé(s).");
        assertThat(Texts.en(note)).isEqualTo(
                "M.A.X. — undo of \"Mise à jour de lead\": original values restored, 3 token(s) refunded.");
    }

    @Test
    void the_undone_event_carries_its_french_summary_and_a_message_for_the_ui() {
        ActionEvent event = ActionEvent.of(new TenantId(1), ActionEvent.UNDONE,
                Message.of("action.event.undone", "Statut du lead 42 : qualifié"), Instant.EPOCH, Map.of());

        assertThat(event.summary()).isEqualTo("Annulée : Statut du lead 42 : qualifié");
        assertThat(Texts.en(event.message())).isEqualTo("Undone: Statut du lead 42 : qualifié");
    }
}
