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

    Optional<Contact> findContact(String id);

    /** Leads matching the query, one keyset page (newest first). */
    CrmPage<Lead> searchLeads(CrmQuery query);

    /** Contacts matching the query, one keyset page (newest first). */
    CrmPage<Contact> searchContacts(CrmQuery query);

    /** The current values of some attributes of a record (for before-images and undo conflict checks). */
    Map<String, Object> readAttributes(EntityRef ref, Set<String> attributes);

    /**
     * Creates a record ({@code Lead}, {@code Contact}, {@code Account}, ...) and returns its id. Leads, contacts and
     * accounts are checked for duplicates (name + e-mail) unless {@code skipDuplicateCheck}, which a caller sets only
     * after the user confirmed; a duplicate is a {@link CrmDuplicateException} carrying the existing records.
     */
    String create(String entityType, Map<String, Object> attributes, boolean skipDuplicateCheck);

    /** Changes some attributes of a record and returns its before and after images. */
    RecordWrite update(EntityRef ref, Map<String, Object> changes);

    /** Soft-deletes a record ({@code deleted = 1}, as EspoCRM does). */
    void delete(EntityRef ref);

    /** The record's timeline, newest first. */
    List<TimelineEntry> timeline(EntityRef ref, int limit);

    /** Posts a note on the record's stream (EspoCRM {@code Note} of type {@code Post}); returns its id. */
    String addNote(EntityRef parent, String post);

    /** Creates a task attached to a record; returns its id. */
    String addTask(EntityRef parent, NewTask task);

    /** The tags (multiEnum {@code cTags}) of a lead or contact. */
    Set<String> tags(EntityRef ref);

    /** Replaces the tags of a lead or contact; {@code c_tags} and the {@code array_value} rows stay consistent. */
    /** The longest tag accepted by {@link #setTags}: EspoCRM keeps one {@code array_value} row (100 wide) per tag. */
    int TAG_MAX_LENGTH = 100;

    RecordWrite setTags(EntityRef ref, Set<String> tags);

    List<EmailTemplate> emailTemplates();

    String createEmailTemplate(EmailTemplate template);

    /**
     * The id of the e-mail template category with this name, created (EspoCRM {@code EmailTemplateCategory}) when
     * there is none: how a feature files its templates under one heading of the CRM.
     */
    String emailTemplateCategory(String name);

    List<Campaign> campaigns();

    String createCampaign(Campaign campaign);

    /** Logs a campaign event (Sent, Opened, Clicked, Opted Out, ...) for a target; returns its id. */
    String logCampaignEvent(CampaignLogEntry entry);

    List<CampaignLogEntry> campaignLog(String campaignId, int limit);

    /** E-mail opt-out, do-not-call and target-list opt-outs of a lead or contact. */
    Consent consent(EntityRef ref);

    /** Opts the record out of (or back into) one target list. */
    void setTargetListOptOut(EntityRef ref, String targetListId, boolean optedOut);
}
