package fr.macrea.max.action;

import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.crm.RecordWrite;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

    @Test
    void writesSurviveTheRoundTripForUndo() {
        RecordWrite write = new RecordWrite(EntityRef.lead("L1"), Map.of("status", "New"), Map.of("status", "In Process"));
        assertThat(Json.writes(Json.write(List.of(write)))).containsExactly(write);
    }

    @Test
    void canonicalValuesIgnoreNumberTypesAndCollectionOrder() {
        assertThat(Json.canonical(5)).isEqualTo(Json.canonical(5L));
        assertThat(Json.canonical(List.of("b", "a"))).isEqualTo(Json.canonical(Set.of("a", "b")));
        assertThat(Json.canonical("New")).isNotEqualTo(Json.canonical("Assigned"));
        assertThat(Json.canonical(null)).isEqualTo("null");
    }
}
