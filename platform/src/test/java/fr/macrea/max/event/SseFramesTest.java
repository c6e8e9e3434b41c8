package fr.macrea.max.event;

import fr.macrea.max.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SseFramesTest {

    private static final TenantId TENANT = new TenantId(3);

    @Test
    void a_frame_carries_id_type_and_one_line_of_json_in_utf8() {
        FeedEvent event = new FeedEvent(42, TENANT, "crm.lead.updated", "Lead « Émilie »\nsur deux lignes",
                Instant.parse("2026-11-24T10:15:30.123Z"), Map.of("leadId", "L1"));

        String frame = new String(SseFrames.encode(event), StandardCharsets.UTF_8);

        assertThat(frame).startsWith("id:42\nevent:crm.lead.updated\ndata:{").endsWith("}\n\n");
        assertThat(frame.lines().filter(line -> !line.isEmpty())).hasSize(3); // the newline inside the summary is escaped in the JSON
        assertThat(frame).contains("\"summary\":\"Lead « Émilie »\\nsur deux lignes\"")
                .contains("\"occurredAt\":\"2026-11-24T10:15:30.123Z\"").contains("\"data\":{\"leadId\":\"L1\"}");
    }

    @Test
    void a_line_break_in_a_type_cannot_forge_another_field() {
        FeedEvent event = new FeedEvent(7, TENANT, "crm.x\ndata: faux", "s", Instant.EPOCH, Map.of());

        String frame = new String(SseFrames.encode(event), StandardCharsets.UTF_8);

        assertThat(frame.lines().filter(line -> !line.isEmpty())).hasSize(3);
        assertThat(frame).contains("event:crm.x data: faux\n");
    }

    @Test
    void the_frame_is_encoded_once_per_event_and_shared() {
        SseFrames frames = new SseFrames();
        FeedEvent event = new FeedEvent(9, TENANT, "crm.lead.created", "s", Instant.EPOCH, Map.of());

        var first = frames.frameOf(event).build().iterator().next().getData();
        var second = frames.frameOf(event).build().iterator().next().getData();

        assertThat(first).isSameAs(second);
    }

    @Test
    void the_resume_point_is_a_non_negative_number_or_absent() {
        assertThat(EventStreamController.resumePoint(null)).isEmpty();
        assertThat(EventStreamController.resumePoint(" ")).isEmpty();
        assertThat(EventStreamController.resumePoint(" 1234 ")).isEqualTo(OptionalLong.of(1234));
        assertThatThrownBy(() -> EventStreamController.resumePoint("douze")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventStreamController.resumePoint("-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void event_details_that_jackson_cannot_write_are_kept_as_text_and_huge_ones_are_replaced() {
        Object unwritable = new Object() {
            @SuppressWarnings("unused")
            public Object getSelf() {
                return this;
            }

            @Override
            public String toString() {
                return "objet";
            }
        };
        String details = EventJson.details(Map.of("x", unwritable));
        String huge = EventJson.details(Map.of("x", "a".repeat(EventJson.MAX_DATA_CHARS)));

        assertThat(EventJson.parse(details)).containsEntry("x", "objet");
        assertThat(huge).isEqualTo("{\"truncated\":true}");
        assertThat(EventJson.parse("pas du json")).isEmpty();
    }
}
