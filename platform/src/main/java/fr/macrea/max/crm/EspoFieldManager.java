package fr.macrea.max.crm;

import fr.macrea.max.shared.Message;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * EspoCRM's Field Manager for the current tenant's EspoCRM (reference §1.7), with its admin API user: the fields of
 * an entity from {@code GET /Metadata}, {@code POST /Admin/fieldManager/{Entity}}, {@code DELETE
 * /Admin/fieldManager/{Entity}/{field}} and {@code POST /Admin/rebuild}. EspoCRM's answers come back as the CRM
 * port's exceptions: 409 (the field exists) a {@link CrmValidationException}, 403 (not an admin key) a
 * {@link CrmAccessException}, down a {@link CrmUnavailableException}, each with its French message.
 */
@Service
public class EspoFieldManager {

    private static final Pattern FIELD = Pattern.compile("[a-z][A-Za-z0-9]{0,62}");

    private final EspoConnections connections;

    EspoFieldManager(EspoConnections connections) {
        this.connections = connections;
    }

    /** Field name -> EspoCRM type of the entity, from EspoCRM's metadata. */
    @PreAuthorize("hasRole('TENANT_USER')")
    public Map<String, String> fields(String entityType) {
        requireEntity(entityType);
        Object metadata = connections.client().get("/Metadata");
        Map<String, String> out = new LinkedHashMap<>();
        if (EspoCrmClient.asMap(metadata).get("entityDefs") instanceof Map<?, ?> defs
                && defs.get(entityType) instanceof Map<?, ?> entity
                && entity.get("fields") instanceof Map<?, ?> fields) {
            fields.forEach((name, def) -> out.put(name.toString(),
                    def instanceof Map<?, ?> m && m.get("type") != null ? m.get("type").toString() : ""));
        }
        return out;
    }

    /**
     * Creates a field; returns the name EspoCRM gave it (since 8.2 it adds the {@code c} prefix itself, so the name
     * sent is the one without it).
     */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public String create(String entityType, String name, String type, String label, List<String> options,
                         boolean required) {
        requireEntity(entityType);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", type);
        body.put("label", label);
        if (!options.isEmpty()) {
            body.put("options", options);
        }
        if (type.equals("multiEnum")) {
            body.put("storeArrayValues", true);
        }
        if (required) {
            body.put("required", true);
        }
        Object created = connections.client().post("/Admin/fieldManager/" + entityType, body);
        Object given = EspoCrmClient.asMap(created).get("name");
        return given == null ? null : given.toString();
    }

    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void delete(String entityType, String field) {
        requireEntity(entityType);
        if (!FIELD.matcher(field).matches()) {
            throw new CrmValidationException(Message.of("crm.criterion.field.invalid", field));
        }
        connections.client().deleteWithBody("/Admin/fieldManager/" + entityType + "/" + field, null);
    }

    /** EspoCRM rebuilds its database schema from its metadata. */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void rebuild() {
        connections.client().post("/Admin/rebuild", Map.of());
    }

    private static void requireEntity(String entityType) {
        if (!CrmSchema.supports(entityType)) {
            throw new CrmValidationException(Message.of("crm.entity.unknown", entityType));
        }
    }
}
