package fr.macrea.max.fields;

import fr.macrea.max.crm.CrmCustomFields;
import fr.macrea.max.crm.CrmException;
import fr.macrea.max.crm.CrmNotFoundException;
import fr.macrea.max.crm.CustomField;
import fr.macrea.max.crm.EspoFieldManager;
import fr.macrea.max.shared.Message;
import fr.macrea.max.tenant.CrmMode;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tenant on a real EspoCRM: one {@code POST /Admin/fieldManager/{Entity}} per field with the name without the
 * {@code c} prefix (EspoCRM 8.2+ adds it; the name it answers must be the plan's), then {@code POST /Admin/rebuild};
 * the replica schema gets the same columns so that synced values have somewhere to land. Reversal deletes the field
 * in EspoCRM and drops the replica's columns.
 */
@Component
class EspoTarget implements SchemaTarget {

    private final EspoFieldManager espo;
    private final CrmCustomFields replica;

    EspoTarget(EspoFieldManager espo, CrmCustomFields replica) {
        this.espo = espo;
        this.replica = replica;
    }

    @Override
    public CrmMode mode() {
        return CrmMode.ESPOCRM;
    }

    @Override
    public Map<String, String> existing(String entityType) {
        return espo.fields(entityType);
    }

    @Override
    public List<String> changes(CustomField field) {
        List<String> out = new ArrayList<>();
        out.add("POST /api/v1/Admin/fieldManager/" + field.entity() + " {\"name\":\"" + espoName(field.name())
                + "\",\"type\":\"" + field.type() + "\"}");
        out.addAll(replica.addStatements(field));
        return out;
    }

    @Override
    public void add(CustomField field) {
        // no check first: a field created in EspoCRM since the proposal answers 409, and the migration stops
        String given = espo.create(field.entity(), espoName(field.name()), field.type(), field.labelFr(),
                field.options(), false);
        if (given == null) {
            given = espo.fields(field.entity()).containsKey(field.name()) ? field.name() : espoName(field.name());
        }
        if (!given.equals(field.name())) {
            // EspoCRM before 8.2 adds no prefix: the field would not be the plan's cXxx; take it back
            espo.delete(field.entity(), given);
            throw new CrmException(Message.of("fields.espo.prefix", given, field.name()));
        }
        try {
            replica.addColumns(field);
        } catch (RuntimeException replicaFailed) {
            espo.delete(field.entity(), field.name());
            throw replicaFailed;
        }
    }

    @Override
    public void removePartial(CustomField field) {
        // the step failed: EspoCRM has nothing of it (add took its own field back); a refused field may be the user's
        replica.dropColumns(field);
    }

    @Override
    public void remove(CustomField field) {
        try {
            espo.delete(field.entity(), field.name());
        } catch (CrmNotFoundException alreadyGone) {
            // nothing to delete in EspoCRM: the replica is cleaned all the same
        }
        replica.dropColumns(field);
    }

    @Override
    public String finishCommand() {
        return "POST /api/v1/Admin/rebuild";
    }

    @Override
    public void finish() {
        espo.rebuild();
    }

    /** {@code cPoidsKg} -> {@code poidsKg}: EspoCRM adds the {@code c} itself. */
    static String espoName(String name) {
        String bare = name.substring(1);
        return bare.substring(0, 1).toLowerCase(Locale.ROOT) + bare.substring(1);
    }
}
