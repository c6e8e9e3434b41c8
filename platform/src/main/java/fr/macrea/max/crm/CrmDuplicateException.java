package fr.macrea.max.crm;

import fr.macrea.max.shared.Message;

import java.util.List;
import java.util.Map;

/**
 * The record looks like existing ones (EspoCRM 409 {@code duplicate}). Retry with {@code skipDuplicateCheck} only
 * after the user confirmed.
 */
public class CrmDuplicateException extends CrmException {

    private final transient List<Map<String, Object>> duplicates;

    public CrmDuplicateException(List<Map<String, Object>> duplicates) {
        super(Message.of("crm.duplicate", duplicates.size()));
        this.duplicates = List.copyOf(duplicates);
    }

    /** The existing records, as EspoCRM attribute maps (at least {@code id} and {@code name}). */
    public List<Map<String, Object>> duplicates() {
        return duplicates;
    }
}
