package fr.macrea.max.shared;

import fr.macrea.max.testing.Texts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTest {

    @Test
    void aMessageWithNestedMessagesSurvivesAJsonRoundTrip() {
        Message reason = Message.of("ranking.reason.status", Message.of("ranking.status.In-Process"));
        Message summary = Message.of("suggestion.best-lead.detail", List.of(reason, Message.of("ranking.reason.complete")));
        JsonMapper json = JsonMapper.builder().build();
        Message read = json.readValue(json.writeValueAsString(summary), Message.class);
        assertThat(read).isEqualTo(summary);
        assertThat(Texts.en(read)).isEqualTo("The best-ranked lead: Status in process, Complete record.");
        assertThat(Texts.fr(read)).isEqualTo("Le lead le mieux classé : Statut en cours, Fiche complète.");
    }

    @Test
    void aLocalizedExceptionReadsInFrenchForLogsAndKeepsItsMessageForViews() {
        LocalizedException e = new LocalizedException(Message.of("tenant.slug.taken", "zen"));
        assertThat(e.getMessage()).isEqualTo("Un tenant utilise déjà l'identifiant « zen ».");
        assertThat(e.message().key()).isEqualTo("tenant.slug.taken");
    }
}
