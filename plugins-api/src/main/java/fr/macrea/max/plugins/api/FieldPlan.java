package fr.macrea.max.plugins.api;

import java.util.List;
import java.util.Objects;

/**
 * A vertical's "fiche métier" for MAX Fields Rebuild: custom fields per EspoCRM entity, pipelines, tags and
 * recommended list views. The platform compares it with a tenant's schema and proposes a migration project that a
 * tenant admin validates; a brain never changes a schema itself.
 *
 * <p>
 * Brains create it and its parts with the {@code of} factories; the canonical constructors are not part of the
 * brain-facing contract (they gain a parameter whenever a component is added in a minor release).
 *
 * @param entities fields to add, per entity
 * @param pipelines sales or delivery pipelines (an enum field's ordered stages)
 * @param tags tags the vertical uses (values of the multiEnum {@code cTags})
 * @param views recommended list views
 * @since 1.0
 */
public record FieldPlan(List<EntityFields> entities, List<Pipeline> pipelines, List<Tag> tags, List<View> views) {

    public FieldPlan {
        entities = List.copyOf(entities);
        pipelines = List.copyOf(pipelines);
        tags = List.copyOf(tags);
        views = List.copyOf(views);
    }

    public static FieldPlan of(List<EntityFields> entities, List<Pipeline> pipelines, List<Tag> tags, List<View> views) {
        return new FieldPlan(entities, pipelines, tags, views);
    }

    /** A brain without a field plan (e.g. the universal one). */
    public static FieldPlan empty() {
        return new FieldPlan(List.of(), List.of(), List.of(), List.of());
    }

    /**
     * Custom fields for one entity.
     *
     * @param entity an EspoCRM entity type: {@code Lead}, {@code Contact}, {@code Account}, {@code Opportunity},
     *               {@code Case}, {@code Meeting}, {@code Call}, {@code Task}
     * @since 1.0
     */
    public record EntityFields(String entity, List<Field> fields) {
        public EntityFields {
            Objects.requireNonNull(entity, "entity");
            fields = List.copyOf(fields);
        }

        public static EntityFields of(String entity, List<Field> fields) {
            return new EntityFields(entity, fields);
        }
    }

    /**
     * One custom field, named the EspoCRM way.
     *
     * @param name camelCase identifier with the custom {@code c} prefix, e.g. {@code cIncoterm} (letters and digits,
     *             at most 50 characters); the platform derives the column {@code c_incoterm}
     * @param type an EspoCRM field type ({@code varchar}, {@code enum}, {@code multiEnum}, {@code float},
     *             {@code date}, ...; see {@link ContributionRules#FIELD_TYPES})
     * @param label FR/EN label
     * @param options the allowed values of {@code enum} / {@code multiEnum} fields (identifiers shown with their label
     *                by EspoCRM); empty for other types
     * @param gdprPurpose why the data is kept (GDPR processing purpose), in French, required
     * @param required whether the field is mandatory in EspoCRM
     * @since 1.0
     */
    public record Field(String name, String type, Label label, List<String> options, String gdprPurpose,
                        boolean required) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(label, "label");
            options = List.copyOf(options);
            Objects.requireNonNull(gdprPurpose, "gdprPurpose");
        }

        public static Field of(String name, String type, Label label, String gdprPurpose, String... options) {
            return new Field(name, type, label, List.of(options), gdprPurpose, false);
        }

        /** Returns a copy that EspoCRM makes mandatory. */
        public Field asRequired() {
            return new Field(name, type, label, options, gdprPurpose, true);
        }
    }

    /**
     * A pipeline: the ordered values of an enum field of an entity.
     *
     * @param id stable identifier (lower-case, digits, {@code -} or {@code _})
     * @param field the enum field carrying the stage (declared in this plan or a standard one such as {@code status})
     * @param stages ordered stages
     * @since 1.0
     */
    public record Pipeline(String id, Label label, String entity, String field, List<Stage> stages) {
        public Pipeline {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(entity, "entity");
            Objects.requireNonNull(field, "field");
            stages = List.copyOf(stages);
        }

        public static Pipeline of(String id, Label label, String entity, String field, List<Stage> stages) {
            return new Pipeline(id, label, entity, field, stages);
        }
    }

    /**
     * One stage of a pipeline.
     *
     * @param value the enum value stored in the field
     * @param probability win / completion probability in percent (0-100)
     * @since 1.0
     */
    public record Stage(String value, Label label, int probability) {
        public Stage {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(label, "label");
        }

        public static Stage of(String value, Label label, int probability) {
            return new Stage(value, label, probability);
        }
    }

    /**
     * A tag (a value of the multiEnum {@code cTags} on leads and contacts).
     *
     * @param value the stored value (lower-case, digits, {@code -} or {@code _})
     * @since 1.0
     */
    public record Tag(String value, Label label) {
        public Tag {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(label, "label");
        }

        public static Tag of(String value, Label label) {
            return new Tag(value, label);
        }
    }

    /**
     * A recommended list view.
     *
     * @param id stable identifier
     * @param columns field names shown, in order
     * @param filters conditions of the view
     * @since 1.0
     */
    public record View(String id, Label label, String entity, List<String> columns, List<Criterion> filters) {
        public View {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(entity, "entity");
            columns = List.copyOf(columns);
            filters = List.copyOf(filters);
        }

        public static View of(String id, Label label, String entity, List<String> columns, List<Criterion> filters) {
            return new View(id, label, entity, columns, filters);
        }
    }
}
