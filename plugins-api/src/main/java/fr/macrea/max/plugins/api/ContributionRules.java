package fr.macrea.max.plugins.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules every {@link BrainContributions} must satisfy. The host refuses a brain that breaks any of them, and the
 * brain contract test (in this module's test-jar) runs the same rules in each brain's own build, so a brain author
 * learns about a problem before shipping the jar.
 * <ul>
 *   <li>ids of templates, KPIs, scenarios, suggestions, pipelines, views and tags: {@code [a-z][a-z0-9_-]*}, at most
 *       64 characters, unique within their kind;</li>
 *   <li>entity types: EspoCRM identifiers {@code [A-Z][A-Za-z0-9]*}; field names in criteria, columns and KPIs:
 *       {@code [a-z][A-Za-z0-9]*}; custom fields of a field plan: {@code c[A-Z][A-Za-z0-9]*}, at most 50
 *       characters, unique per entity;</li>
 *   <li>field types among {@link #FIELD_TYPES}; enum and multiEnum fields have distinct options, other types none;
 *       every field states its GDPR purpose;</li>
 *   <li>placeholders are {@code {Entity.field}} (e.g. {@code {Lead.firstName}}), braces balanced; suggestion texts may
 *       use {@code {count}} only;</li>
 *   <li>scenario templates exist in the same brain; an n8n workflow resource, when declared, is a relative
 *       {@code .json} path inside the jar (the host checks that the file exists and is an n8n workflow);</li>
 *   <li>labels are not blank, in both languages.</li>
 * </ul>
 *
 * @since 1.0
 */
public final class ContributionRules {

    /** EspoCRM field types (EspoCRM 8.x {@code metadata/fields}) a field plan may use. */
    public static final Set<String> FIELD_TYPES = Set.of("address", "array", "arrayInt", "autoincrement", "barcode",
            "bool", "checklist", "colorpicker", "currency", "date", "datetime", "datetimeOptional", "decimal",
            "duration", "email", "enum", "enumFloat", "enumInt", "file", "float", "image", "int", "jsonArray",
            "jsonObject", "link", "linkMultiple", "linkOne", "linkParent", "map", "multiEnum", "number", "personName",
            "phone", "rangeCurrency", "rangeFloat", "rangeInt", "text", "url", "urlMultiple", "varchar", "wysiwyg");

    private static final Set<String> WITH_OPTIONS = Set.of("enum", "multiEnum", "array", "checklist");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final Pattern ENTITY = Pattern.compile("[A-Z][A-Za-z0-9]{0,99}");
    private static final Pattern FIELD = Pattern.compile("[a-z][A-Za-z0-9]{0,49}");
    private static final Pattern CUSTOM_FIELD = Pattern.compile("c[A-Z][A-Za-z0-9]{0,48}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern DAYS = Pattern.compile("-?\\d{1,4}");
    private static final Pattern RESOURCE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_./-]{0,199}\\.json");
    private static final Pattern ENTITY_FIELD = Pattern.compile("[A-Z][A-Za-z0-9]*\\.[a-z][A-Za-z0-9]*");

    private ContributionRules() {
    }

    /**
     * One broken rule.
     *
     * @param where the path of the offending item, e.g. {@code templates[devis-j3].body}
     * @param fr the reason in French
     * @param en the reason in English
     * @since 1.0
     */
    public record Violation(String where, String fr, String en) {
        @Override
        public String toString() {
            return where + " : " + fr;
        }
    }

    /** Every broken rule, in a stable order; empty when the contributions are acceptable. */
    public static List<Violation> check(BrainContributions c) {
        List<Violation> out = new ArrayList<>();
        label(out, "name", c.name());
        label(out, "description", c.description());
        checkFieldPlan(out, c.fieldPlan());

        Set<String> templateIds = new HashSet<>();
        for (CreativeTemplate t : c.templates()) {
            String at = "templates[" + t.id() + "]";
            id(out, at, t.id(), templateIds);
            label(out, at + ".name", t.name());
            if (t.body().isBlank()) {
                out.add(new Violation(at + ".body", "le corps est vide", "the body is empty"));
            }
            if ((t.channel() == Channel.EMAIL || t.channel() == Channel.NEWSLETTER) && t.subject().isBlank()) {
                out.add(new Violation(at + ".subject", "un e-mail doit avoir un objet", "an e-mail needs a subject"));
            }
            placeholders(out, at + ".subject", t.subject(), false);
            placeholders(out, at + ".body", t.body(), false);
        }

        Set<String> kpiIds = new HashSet<>();
        for (KpiDefinition k : c.kpis()) {
            String at = "kpis[" + k.id() + "]";
            id(out, at, k.id(), kpiIds);
            label(out, at + ".label", k.label());
            entity(out, at + ".entity", k.entity());
            criteria(out, at + ".filters", k.filters());
            criteria(out, at + ".numerator", k.numerator());
            switch (k.measure()) {
                case RATIO, RATE -> {
                    if (k.numerator().isEmpty()) {
                        out.add(new Violation(at + ".numerator", "un ratio a besoin d'un numérateur",
                                "a ratio needs a numerator"));
                    }
                }
                case AVERAGE -> field(out, at + ".field", k.field());
                case AVERAGE_DAYS_BETWEEN -> {
                    field(out, at + ".field", k.field());
                    field(out, at + ".untilField", k.untilField());
                }
                case COUNT -> { }
            }
            if (!k.groupBy().isEmpty()) {
                field(out, at + ".groupBy", k.groupBy());
            }
        }

        Set<String> scenarioIds = new HashSet<>();
        for (Scenario s : c.scenarios()) {
            String at = "scenarios[" + s.id() + "]";
            id(out, at, s.id(), scenarioIds);
            label(out, at + ".name", s.name());
            label(out, at + ".description", s.description());
            entity(out, at + ".trigger.entity", s.trigger().entity());
            if (s.trigger().type() == Scenario.Trigger.Type.FIELD_CHANGED
                    || s.trigger().type() == Scenario.Trigger.Type.DATE_FIELD) {
                field(out, at + ".trigger.field", s.trigger().field());
            }
            criteria(out, at + ".conditions", s.conditions());
            if (!s.templateId().isEmpty() && !templateIds.contains(s.templateId())) {
                out.add(new Violation(at + ".templateId", "le modèle « " + s.templateId() + " » n'existe pas dans ce cerveau",
                        "template '" + s.templateId() + "' does not exist in this brain"));
            }
            workflowResource(out, at + ".n8nWorkflowResource", s.n8nWorkflowResource());
        }

        Set<String> suggestionIds = new HashSet<>();
        for (SuggestionRoutine r : c.suggestions()) {
            String at = "suggestions[" + r.id() + "]";
            id(out, at, r.id(), suggestionIds);
            label(out, at + ".text", r.text());
            placeholders(out, at + ".text", r.text().fr(), true);
            placeholders(out, at + ".text", r.text().en(), true);
            entity(out, at + ".entity", r.entity());
            criteria(out, at + ".conditions", r.conditions());
            if (r.minimum() < 1) {
                out.add(new Violation(at + ".minimum", "le seuil doit valoir au moins 1", "the minimum must be at least 1"));
            }
            label(out, at + ".action.label", r.action().label());
            String ref = r.action().reference();
            switch (r.action().kind()) {
                case RUN_SCENARIO -> {
                    if (!scenarioIds.contains(ref)) {
                        out.add(new Violation(at + ".action", "le scénario « " + ref + " » n'existe pas dans ce cerveau",
                                "scenario '" + ref + "' does not exist in this brain"));
                    }
                }
                case DRAFT_MESSAGE -> {
                    if (!templateIds.contains(ref)) {
                        out.add(new Violation(at + ".action", "le modèle « " + ref + " » n'existe pas dans ce cerveau",
                                "template '" + ref + "' does not exist in this brain"));
                    }
                }
                default -> { }
            }
        }
        return List.copyOf(out);
    }

    /** Whether {@code name} is a legal custom field name for a field plan ({@code cIncoterm}). */
    public static boolean isCustomFieldName(String name) {
        return name != null && CUSTOM_FIELD.matcher(name).matches();
    }

    private static void checkFieldPlan(List<Violation> out, FieldPlan plan) {
        for (FieldPlan.EntityFields e : plan.entities()) {
            String at = "fieldPlan.entities[" + e.entity() + "]";
            entity(out, at, e.entity());
            Set<String> names = new HashSet<>();
            for (FieldPlan.Field f : e.fields()) {
                String fat = at + ".fields[" + f.name() + "]";
                if (!isCustomFieldName(f.name())) {
                    out.add(new Violation(fat, "nom de champ illégal « " + f.name()
                            + " » : attendu c + camelCase (lettres et chiffres, 50 caractères au plus), ex. cIncoterm",
                            "illegal field name '" + f.name() + "': expected c + camelCase letters and digits, ex. cIncoterm"));
                } else if (!names.add(f.name().toLowerCase())) {
                    out.add(new Violation(fat, "champ en double « " + f.name() + " »", "duplicate field '" + f.name() + "'"));
                }
                if (!FIELD_TYPES.contains(f.type())) {
                    out.add(new Violation(fat + ".type", "type de champ EspoCRM inconnu « " + f.type() + " »",
                            "unknown EspoCRM field type '" + f.type() + "'"));
                }
                label(out, fat + ".label", f.label());
                if (f.gdprPurpose().isBlank()) {
                    out.add(new Violation(fat + ".gdprPurpose", "finalité RGPD manquante", "missing GDPR purpose"));
                }
                boolean needsOptions = f.type().equals("enum") || f.type().equals("multiEnum");
                if (needsOptions && f.options().isEmpty()) {
                    out.add(new Violation(fat + ".options", "une liste doit avoir des options", "a list needs options"));
                }
                if (!WITH_OPTIONS.contains(f.type()) && !f.options().isEmpty()) {
                    out.add(new Violation(fat + ".options", "options sur un champ de type " + f.type(),
                            "options on a " + f.type() + " field"));
                }
                if (new HashSet<>(f.options()).size() != f.options().size()
                        || f.options().stream().anyMatch(String::isBlank)) {
                    out.add(new Violation(fat + ".options", "options vides ou en double", "blank or duplicate options"));
                }
            }
        }
        Set<String> pipelineIds = new HashSet<>();
        for (FieldPlan.Pipeline p : plan.pipelines()) {
            String at = "fieldPlan.pipelines[" + p.id() + "]";
            id(out, at, p.id(), pipelineIds);
            label(out, at + ".label", p.label());
            entity(out, at + ".entity", p.entity());
            field(out, at + ".field", p.field());
            if (p.stages().isEmpty()) {
                out.add(new Violation(at + ".stages", "un pipeline a besoin d'étapes", "a pipeline needs stages"));
            }
            Set<String> values = new HashSet<>();
            for (FieldPlan.Stage s : p.stages()) {
                if (s.value().isBlank() || !values.add(s.value())) {
                    out.add(new Violation(at + ".stages[" + s.value() + "]", "étape vide ou en double",
                            "blank or duplicate stage"));
                }
                label(out, at + ".stages[" + s.value() + "].label", s.label());
                if (s.probability() < 0 || s.probability() > 100) {
                    out.add(new Violation(at + ".stages[" + s.value() + "].probability",
                            "probabilité hors de 0-100", "probability outside 0-100"));
                }
            }
        }
        Set<String> tags = new HashSet<>();
        for (FieldPlan.Tag t : plan.tags()) {
            id(out, "fieldPlan.tags[" + t.value() + "]", t.value(), tags);
            label(out, "fieldPlan.tags[" + t.value() + "].label", t.label());
        }
        Set<String> viewIds = new HashSet<>();
        for (FieldPlan.View v : plan.views()) {
            String at = "fieldPlan.views[" + v.id() + "]";
            id(out, at, v.id(), viewIds);
            label(out, at + ".label", v.label());
            entity(out, at + ".entity", v.entity());
            if (v.columns().isEmpty()) {
                out.add(new Violation(at + ".columns", "une vue a besoin de colonnes", "a view needs columns"));
            }
            v.columns().forEach(col -> field(out, at + ".columns", col));
            criteria(out, at + ".filters", v.filters());
        }
    }

    private static void id(List<Violation> out, String at, String id, Set<String> seen) {
        if (!ID.matcher(id).matches()) {
            out.add(new Violation(at, "identifiant illégal « " + id + " » : attendu [a-z][a-z0-9_-]*, 64 caractères au plus",
                    "illegal id '" + id + "': expected [a-z][a-z0-9_-]*, at most 64 characters"));
        } else if (!seen.add(id)) {
            out.add(new Violation(at, "identifiant en double « " + id + " »", "duplicate id '" + id + "'"));
        }
    }

    private static void entity(List<Violation> out, String at, String entity) {
        if (!ENTITY.matcher(entity).matches()) {
            out.add(new Violation(at, "type d'entité EspoCRM illégal « " + entity + " »",
                    "illegal EspoCRM entity type '" + entity + "'"));
        }
    }

    private static void field(List<Violation> out, String at, String field) {
        if (!FIELD.matcher(field).matches()) {
            out.add(new Violation(at, "nom de champ illégal « " + field + " »", "illegal field name '" + field + "'"));
        }
    }

    private static void criteria(List<Violation> out, String at, List<Criterion> criteria) {
        for (Criterion c : criteria) {
            field(out, at, c.field());
            switch (c.operator()) {
                case OLDER_THAN_DAYS, WITHIN_DAYS -> {
                    if (!DAYS.matcher(c.value()).matches()) {
                        out.add(new Violation(at + "[" + c.field() + "]", "nombre de jours attendu, reçu « " + c.value() + " »",
                                "a number of days is expected, got '" + c.value() + "'"));
                    }
                }
                case IS_EMPTY, IS_NOT_EMPTY -> { }
                default -> {
                    if (c.value().isEmpty()) {
                        out.add(new Violation(at + "[" + c.field() + "]", "valeur manquante", "missing value"));
                    }
                }
            }
        }
    }

    private static void label(List<Violation> out, String at, Label label) {
        if (label.fr().isBlank() || label.en().isBlank()) {
            out.add(new Violation(at, "libellé FR/EN manquant", "missing FR/EN label"));
        }
    }

    private static void placeholders(List<Violation> out, String at, String text, boolean countOnly) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (m.find()) {
            rest.append(text, last, m.start());
            last = m.end();
            String inner = m.group(1);
            boolean ok = countOnly ? inner.equals("count") : ENTITY_FIELD.matcher(inner).matches();
            if (!ok) {
                out.add(new Violation(at, "variable mal formée « {" + inner + "} » : attendu "
                        + (countOnly ? "{count}" : "{Entité.champ}, ex. {Lead.firstName}"),
                        "malformed placeholder '{" + inner + "}': expected " + (countOnly ? "{count}" : "{Entity.field}")));
            }
        }
        rest.append(text.substring(last));
        if (rest.indexOf("{") >= 0 || rest.indexOf("}") >= 0) {
            out.add(new Violation(at, "accolade non fermée ou isolée", "unbalanced brace"));
        }
    }

    private static void workflowResource(List<Violation> out, String at, String path) {
        if (!path.isEmpty() && (!RESOURCE.matcher(path).matches() || path.contains(".."))) {
            out.add(new Violation(at, "chemin de ressource illégal « " + path + " » : attendu un chemin relatif "
                    + "dans le jar finissant par .json, ex. n8n/relance.json",
                    "illegal resource path '" + path + "': expected a relative path inside the jar ending in .json, "
                            + "e.g. n8n/relance.json"));
        }
    }
}
