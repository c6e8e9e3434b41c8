package fr.macrea.max.crm;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CRM port: the rest of the platform reads and writes CRM data through it, without knowing whether the current
 * tenant runs on the embedded CRM or on a real EspoCRM. Every call acts in the tenant of the authenticated principal.
 * Attribute names are EspoCRM's ({@code firstName}, {@code status}, {@code cTags}, ...).
 */
public interface CrmGateway {

    Optional<Lead> findLead(String id);

    /** The current values of some attributes of a record (for before-images and undo conflict checks). */
    Map<String, Object> readAttributes(EntityRef ref, Set<String> attributes);

    /** Changes some attributes of a record and returns its before and after images. */
    RecordWrite update(EntityRef ref, Map<String, Object> changes);

    /** The record's timeline, newest first. */
    List<TimelineEntry> timeline(EntityRef ref, int limit);

    /** Posts a note on the record's stream (EspoCRM {@code Note} of type {@code Post}); returns its id. */
    String addNote(EntityRef parent, String post);
}
