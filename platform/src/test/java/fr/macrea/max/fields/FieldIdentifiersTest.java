package fr.macrea.max.fields;

import fr.macrea.max.plugins.api.Criterion;
import fr.macrea.max.plugins.api.FieldPlan;
import fr.macrea.max.plugins.api.FieldPlan.Field;
import fr.macrea.max.plugins.api.Label;
import fr.macrea.max.shared.Message;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile and broken field plans are refused with every reason, before any SQL or EspoCRM call. */
class FieldIdentifiersTest {

    private static final String GDPR = "Exécution du contrat";

    private static List<Message> check(Field... fields) {
        return FieldIdentifiers.violations(FieldPlan.of(List.of(FieldPlan.EntityFields.of("Lead", List.of(fields))),
                List.of(), List.of(), List.of()));
    }

    private static Field field(String name, String type, String... options) {
        return Field.of(name, type, Label.of("Libellé", "Label"), GDPR, options);
    }

    private static List<String> keys(List<Message> messages) {
        return messages.stream().map(Message::key).toList();
    }

    @Test
    void aPlainPlanPasses() {
        assertThat(check(field("cPoidsKg", "float"), field("cStatutColis", "enum", "livre", "en_transit"),
                field("cMontantDevis", "currency"), field("cDtd", "bool"))).isEmpty();
    }

    @Test
    void sqlInAFieldNameIsRefusedWithTheName() {
        List<Message> v = check(field("cX`; DROP TABLE lead; --", "varchar"), field("c_poids", "varchar"),
                field("poids", "varchar"), field("cPoids Kg", "varchar"));
        assertThat(keys(v)).containsOnly("fields.name.invalid").hasSize(4);
        assertThat(v.getFirst().args().getFirst().toString()).startsWith("cX`; DROP");
    }

    @Test
    void reservedWordsAndLinkSuffixesAreRefused() {
        assertThat(keys(check(field("cSelect", "varchar")))).containsExactly("fields.name.reserved");
        assertThat(keys(check(field("cDeleted", "bool")))).containsExactly("fields.name.reserved");
        assertThat(keys(check(field("cAccountId", "varchar")))).containsExactly("fields.name.link-suffix");
        assertThat(keys(check(field("cMontantCurrency", "varchar")))).containsExactly("fields.name.link-suffix");
    }

    @Test
    void tenThousandFieldsAreOneRefusal() {
        List<Field> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(field("cChamp" + i, "varchar"));
        }
        List<Message> v = check(many.toArray(Field[]::new));
        assertThat(v).singleElement().satisfies(m -> {
            assertThat(m.key()).isEqualTo("fields.plan.too-many");
            assertThat(m.args()).containsExactly(10_000, FieldIdentifiers.MAX_FIELDS);
        });
    }

    @Test
    void duplicateNamesAndDuplicateColumnsAreRefused() {
        assertThat(keys(check(field("cPoids", "float"), field("cPoids", "varchar")))).containsExactly("fields.name.duplicate");
    }

    @Test
    void anOptionWithAQuoteABackslashOrAControlCharacterIsRefused() {
        List<Message> v = check(field("cStatut", "enum", "livré", "l'incident", "a\\b", "x\ny", "ok"));
        assertThat(keys(v)).containsExactly("fields.option.invalid", "fields.option.invalid", "fields.option.invalid");
        assertThat(keys(check(field("cStatut", "enum")))).containsExactly("fields.options.missing");
        assertThat(keys(check(field("cStatut", "enum", "a", "a")))).containsExactly("fields.option.duplicate");
    }

    @Test
    void tooLongNamesUnknownTypesAndEntitiesAreRefused() {
        assertThat(keys(check(field("c" + "A".repeat(60), "varchar")))).containsExactly("fields.name.too-long");
        assertThat(keys(check(field("cFichier", "file")))).containsExactly("fields.type.unsupported");
        List<Message> v = FieldIdentifiers.violations(FieldPlan.of(List.of(FieldPlan.EntityFields.of("app_user",
                List.of(field("cX", "varchar")))), List.of(), List.of(), List.of()));
        assertThat(keys(v)).containsExactly("fields.entity.unsupported");
    }

    @Test
    void viewsAndTagsAreCheckedToo() {
        FieldPlan plan = FieldPlan.of(List.of(), List.of(),
                List.of(FieldPlan.Tag.of("ok-tag", Label.of("Ok", "Ok")), FieldPlan.Tag.of("x' OR 1=1", Label.of("X", "X"))),
                List.of(FieldPlan.View.of("Vue Sale", Label.of("V", "V"), "Lead", List.of("name", "c_x; --"),
                        List.of(Criterion.of("status) OR (1=1", Criterion.Operator.EQUALS, "New")))));
        assertThat(keys(FieldIdentifiers.violations(plan))).containsExactlyInAnyOrder("fields.tag.invalid",
                "fields.id.invalid", "fields.attribute.invalid", "fields.attribute.invalid");
    }

    @Test
    void columnsAreNamedTheEspoCrmWay() {
        assertThat(FieldIdentifiers.column("cPoidsKg")).isEqualTo("c_poids_kg");
        assertThat(FieldIdentifiers.column("cVolumeM3")).isEqualTo("c_volume_m3");
        assertThat(FieldIdentifiers.column("cDtd")).isEqualTo("c_dtd");
    }
}
