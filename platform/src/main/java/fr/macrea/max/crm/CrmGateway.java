package fr.macrea.max.crm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
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

    // ---------------------------------------------------------------- many records at once
    // What a send writes per batch: the defaults call the one-record methods (an EspoCRM-backed port makes one REST
    // call each); the embedded CRM overrides them with one statement per chunk. None publishes a feed event per
    // record: 50 000 "e-mail created" lines would drown the tenant's feed, the action's own event tells the story.

    /** Creates records of one type without duplicate check; returns their ids, in order. */
    default List<String> createAll(String entityType, List<Map<String, Object>> records) {
        List<String> ids = new ArrayList<>(records.size());
        records.forEach(r -> ids.add(create(entityType, r, true)));
        return ids;
    }

    /**
     * The same changes on records of one type; returns how many were changed (a record missing or deleted
     * meanwhile is skipped, like EspoCRM's mass update).
     */
    default int updateAll(String entityType, Collection<String> ids, Map<String, Object> changes) {
        int n = 0;
        for (String id : ids) {
            try {
                update(new EntityRef(entityType, id), new LinkedHashMap<>(changes));
                n++;
            } catch (CrmNotFoundException e) {
                // skipped, see above
            }
        }
        return n;
    }

    /** Logs campaign events, checked as {@link #logCampaignEvent} checks one; returns their ids, in order. */
    default List<String> logCampaignEvents(List<CampaignLogEntry> entries) {
        List<String> ids = new ArrayList<>(entries.size());
        entries.forEach(e -> ids.add(logCampaignEvent(e)));
        return ids;
    }

    /** The leads among {@code ids} that exist, by id (missing or deleted ones are absent). */
    default Map<String, Lead> findLeads(Collection<String> ids) {
        Map<String, Lead> out = new LinkedHashMap<>();
        ids.forEach(id -> findLead(id).ifPresent(l -> out.put(id, l)));
        return out;
    }

    /**
     * Every lead matching {@code query}'s filters (its cursor and limit aside), handed over page by page, for a
     * caller that reads a whole audience (a send's plan); the order of the pages is unspecified. The default pages
     * through {@link #searchLeads}.
     */
    default void scanLeads(CrmQuery query, java.util.function.Consumer<List<Lead>> pages) {
        CrmQuery q = query;
        while (true) {
            CrmPage<Lead> page = searchLeads(q);
            if (!page.items().isEmpty()) {
                pages.accept(page.items());
            }
            if (page.nextCursor().isEmpty() || page.items().isEmpty()) {
                return;
            }
            q = new CrmQuery(q.statuses(), q.sources(), q.anyTags(), q.createdFrom(), q.createdTo(), q.modifiedFrom(),
                    q.assignedUserId(), q.text(), page.nextCursor().get(), q.limit());
        }
    }
}
