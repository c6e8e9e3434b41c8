package fr.macrea.max.crm;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CRM port: the rest of the platform reads and writes CRM data through it, without knowing whether the current
 * tenant runs on the embedded CRM or on a real EspoCRM. Every call acts in the tenant of the authenticated principal.
 * Attribute names are EspoCRM's ({@code firstName}, {@code status}, {@code cTags}, {@code emailAddress},
 * {@code emailAddressIsOptedOut}, {@code doNotCall}, ...); values use EspoCRM's API shapes (datetimes
 * {@code yyyy-MM-dd HH:mm:ss} UTC, booleans, lists for multiEnum).
 * <p>
 * Errors are {@link CrmException}s with a French message: {@link CrmNotFoundException},
 * {@link CrmValidationException}, {@link CrmDuplicateException}, {@link CrmAccessException},
 * {@link CrmUnavailableException}.
 */
public interface CrmGateway {

    Optional<Lead> findLead(String id);

    default Optional<Contact> findContact(String id) {
        throw unsupported();
    }

    /** Leads matching the query, one keyset page (newest first). */
    default CrmPage<Lead> searchLeads(CrmQuery query) {
        throw unsupported();
    }

    /** Contacts matching the query, one keyset page (newest first). */
    default CrmPage<Contact> searchContacts(CrmQuery query) {
        throw unsupported();
    }

    /** The current values of some attributes of a record (for before-images and undo conflict checks). */
    Map<String, Object> readAttributes(EntityRef ref, Set<String> attributes);

    /**
     * Creates a record ({@code Lead}, {@code Contact}, {@code Account}, ...) and returns its id. Leads, contacts and
     * accounts are checked for duplicates (name + e-mail) unless {@code skipDuplicateCheck}, which a caller sets only
     * after the user confirmed; a duplicate is a {@link CrmDuplicateException} carrying the existing records.
     */
    default String create(String entityType, Map<String, Object> attributes, boolean skipDuplicateCheck) {
        throw unsupported();
    }

    /** Changes some attributes of a record and returns its before and after images. */
    RecordWrite update(EntityRef ref, Map<String, Object> changes);

    /** Soft-deletes a record ({@code deleted = 1}, as EspoCRM does). */
    default void delete(EntityRef ref) {
        throw unsupported();
    }

    /** The record's timeline, newest first. */
    List<TimelineEntry> timeline(EntityRef ref, int limit);

    /** Posts a note on the record's stream (EspoCRM {@code Note} of type {@code Post}); returns its id. */
    String addNote(EntityRef parent, String post);

    /** Creates a task attached to a record; returns its id. */
    default String addTask(EntityRef parent, NewTask task) {
        throw unsupported();
    }

    /** The tags (multiEnum {@code cTags}) of a lead or contact. */
    default Set<String> tags(EntityRef ref) {
        throw unsupported();
    }

    /** Replaces the tags of a lead or contact; {@code c_tags} and the {@code array_value} rows stay consistent. */
    default RecordWrite setTags(EntityRef ref, Set<String> tags) {
        throw unsupported();
    }

    default List<EmailTemplate> emailTemplates() {
        throw unsupported();
    }

    default String createEmailTemplate(EmailTemplate template) {
        throw unsupported();
    }

    default List<Campaign> campaigns() {
        throw unsupported();
    }

    default String createCampaign(Campaign campaign) {
        throw unsupported();
    }

    /** Logs a campaign event (Sent, Opened, Clicked, Opted Out, ...) for a target; returns its id. */
    default String logCampaignEvent(CampaignLogEntry entry) {
        throw unsupported();
    }

    default List<CampaignLogEntry> campaignLog(String campaignId, int limit) {
        throw unsupported();
    }

    /** E-mail opt-out, do-not-call and target-list opt-outs of a lead or contact. */
    default Consent consent(EntityRef ref) {
        throw unsupported();
    }

    /** Opts the record out of (or back into) one target list. */
    default void setTargetListOptOut(EntityRef ref, String targetListId, boolean optedOut) {
        throw unsupported();
    }

    /**
     * The methods added after the first version of the port have defaults so that a test double implementing only
     * the original five keeps compiling; {@link CrmService} implements them all.
     */
    private static CrmException unsupported() {
        return new CrmException("Cette opération CRM n'est pas disponible ici.");
    }
}
