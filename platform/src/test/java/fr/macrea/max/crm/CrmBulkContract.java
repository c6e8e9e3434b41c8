package fr.macrea.max.crm;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The port's many-records methods (what a send writes per batch) behave as the one-record methods they replace, on
 * every implementation of {@link CrmGatewayContract}: the embedded CRM (multi-row statements), EspoCRM (one call
 * each) and the in-memory double (the interface's defaults).
 */
interface CrmBulkContract {

    CrmGateway gateway();

    String uniqueName();

    private static Map<String, Object> email(String leadId, String status) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", "Lettre de décembre");
        e.put("status", status);
        e.put("isHtml", true);
        e.put("parentType", "Lead");
        e.put("parentId", leadId);
        return e;
    }

    private String lead(String first, String tag) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("firstName", first);
        a.put("lastName", "Lot" + uniqueName());
        a.put("emailAddress", first.toLowerCase() + uniqueName() + "@exemple.fr");
        a.put("status", "New");
        a.put("source", "Web Site");
        a.put("cTags", List.of(tag));
        return gateway().create("Lead", a, true);
    }

    @Test
    default void createsUpdatesLogsAndReadsManyRecordsAsTheOneRecordMethodsDo() {
        CrmGateway crm = gateway();
        String anne = lead("Anne", "t" + uniqueName());
        String bruno = lead("Bruno", "t" + uniqueName());

        List<String> emails = crm.createAll("Email", List.of(email(anne, "Sending"), email(bruno, "Sending")));
        assertThat(emails).hasSize(2).doesNotHaveDuplicates();
        assertThat(crm.readAttributes(new EntityRef("Email", emails.get(0)), Set.of("status", "parentId")))
                .containsEntry("status", "Sending").containsEntry("parentId", anne);
        assertThat(crm.readAttributes(new EntityRef("Email", emails.get(1)), Set.of("parentId")))
                .containsEntry("parentId", bruno);

        assertThat(crm.updateAll("Email", emails, Map.of("status", "Sent", "dateSent", "2026-12-04 02:00:00")))
                .isEqualTo(2);
        for (String id : emails) {
            assertThat(crm.readAttributes(new EntityRef("Email", id), Set.of("status"))).containsEntry("status", "Sent");
        }
        crm.delete(new EntityRef("Email", emails.get(1)));
        assertThat(crm.updateAll("Email", emails, Map.of("status", "Archived")))
                .as("a record deleted meanwhile is skipped, not an error").isEqualTo(1);

        String campaign = crm.createCampaign(new Campaign(null, "Lettre " + uniqueName(), "Active", "Email", null,
                null, null));
        List<String> logged = crm.logCampaignEvents(List.of(
                new CampaignLogEntry(null, campaign, "Sent", EntityRef.lead(anne), null, "anne@exemple.fr"),
                new CampaignLogEntry(null, campaign, "Sent", EntityRef.lead(bruno), null, "bruno@exemple.fr")));
        assertThat(logged).hasSize(2).doesNotHaveDuplicates();
        assertThat(crm.campaignLog(campaign, 10)).extracting(CampaignLogEntry::action, CampaignLogEntry::target)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Sent", EntityRef.lead(anne)),
                        org.assertj.core.groups.Tuple.tuple("Sent", EntityRef.lead(bruno)));

        crm.delete(EntityRef.lead(bruno));
        Map<String, Lead> found = crm.findLeads(List.of(anne, bruno));
        assertThat(found).containsOnlyKeys(anne);
        assertThat(found.get(anne).firstName()).isEqualTo("Anne");
        assertThat(found.get(anne).emailAddress()).isEqualTo("anne" + uniqueName() + "@exemple.fr");
    }

    @Test
    default void badInputInABatchIsRefusedClearlyAndWritesNothing() {
        CrmGateway crm = gateway();
        String anne = lead("Anne", "b" + uniqueName());
        String campaign = crm.createCampaign(new Campaign(null, "Refus " + uniqueName(), "Active", "Email", null,
                null, null));
        // a target that does not exist: refused, nothing of the batch is logged (the embedded CRM and EspoCRM check
        // the whole batch before writing; the one-by-one default stops at the first bad entry)
        assertThatThrownBy(() -> crm.logCampaignEvents(List.of(
                new CampaignLogEntry(null, campaign, "Sent", EntityRef.lead("00000000000000000"), null, null),
                new CampaignLogEntry(null, campaign, "Sent", EntityRef.lead(anne), null, null))))
                .isInstanceOf(CrmNotFoundException.class);
        assertThat(crm.campaignLog(campaign, 10)).isEmpty();
    }

    /** Whether the implementation checks attribute names (the in-memory double does not, on any create). */
    default boolean checksFields() {
        return true;
    }

    @Test
    default void aBatchWithAnUnknownFieldIsRefusedClearlyAndWritesNothing() {
        org.junit.jupiter.api.Assumptions.assumeTrue(checksFields());
        CrmGateway crm = gateway();
        String anne = lead("Anne", "f" + uniqueName());
        Map<String, Object> bad = email(anne, "Sending");
        bad.put("noSuchField", "x");
        assertThatThrownBy(() -> crm.createAll("Email", List.of(bad, email(anne, "Sending"))))
                .isInstanceOf(CrmValidationException.class).hasMessageContaining("noSuchField");
        assertThat(crm.timeline(EntityRef.lead(anne), 50)).noneMatch(t -> "Email".equals(t.kind()));
    }

    @Test
    default void scanLeadsHandsOverTheWholeMatchingAudienceOnce() {
        CrmGateway crm = gateway();
        String tag = "s" + uniqueName();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(lead("Lea" + i, tag));
        }
        lead("Autre", "other" + uniqueName());
        List<String> seen = new ArrayList<>();
        crm.scanLeads(new CrmQuery(Set.of(), Set.of(), Set.of(tag), null, null, null, null, null, null, 2),
                page -> page.forEach(l -> seen.add(l.id())));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
    }
}
