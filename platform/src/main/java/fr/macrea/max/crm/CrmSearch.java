package fr.macrea.max.crm;

import org.jooq.Condition;
import org.jooq.DSLContext;

import static fr.macrea.max.db.crm.Tables.LEAD;

/**
 * The CRM's one free-text rule ({@link SearchTextStore}) for the code outside this package that queries the tenant
 * schema itself: the CRM tab's lead list ({@code ranking}) and the schema migration that fills the search words.
 */
public final class CrmSearch {

    private CrmSearch() {
    }

    /** Leads whose first name, last name, company or e-mail has a word starting with each word of the query. */
    public static Condition leadMatches(String query) {
        return SearchTextStore.matches(LEAD, query);
    }

    /** Fills the search words of the leads and contacts that have none (migration V5, bulk-generated data). */
    public static int fillMissing(DSLContext crmSchema) {
        return SearchTextStore.fillMissing(crmSchema);
    }
}
