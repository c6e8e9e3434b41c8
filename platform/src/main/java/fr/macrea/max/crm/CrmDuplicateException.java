package fr.macrea.max.crm;

import java.util.List;
import java.util.Map;

/**
 * The record looks like existing ones (EspoCRM 409 {@code duplicate}). Retry with {@code skipDuplicateCheck} only
 * after the user confirmed.
 */
public class CrmDuplicateException extends CrmException {

    private final transient List<Map<String, Object>> duplicates;

    public CrmDuplicateException(List<Map<String, Object>> duplicates) {
        super("Un enregistrement semblable existe déjà (" + duplicates.size()
                + " doublon(s) possible(s)). Confirmez pour le créer quand même.");
        this.duplicates = List.copyOf(duplicates);
    }

    /** The existing records, as EspoCRM attribute maps (at least {@code id} and {@code name}). */
    public List<Map<String, Object>> duplicates() {
        return duplicates;
    }
}
