package fr.macrea.max.crm;

import org.jooq.Condition;

import static fr.macrea.max.db.crm.Tables.NOTE;

/**
 * M.A.X.'s own log notes on a record's stream ("M.A.X. — Analyse de lead ..."). They tell the team what M.A.X. did;
 * they are not the lead's activity, so scores, recency and activity counts leave them out. They are recognised by
 * the prefix every note of the action pipeline starts with (ActionPipeline / UndoService write them in French), the
 * only mark that survives a round trip through EspoCRM's stream.
 */
public final class MaxNotes {

    /** The first characters of every note M.A.X. posts (action.note.completed, action.undo.note). */
    public static final String PREFIX = "M.A.X. — ";

    private MaxNotes() {
    }

    /** Whether a note's text is one of M.A.X.'s log notes. */
    public static boolean isMax(String post) {
        return post != null && post.startsWith(PREFIX);
    }

    /** Whether a timeline item is one of M.A.X.'s log notes. */
    public static boolean isMax(TimelineEntry entry) {
        return "Note".equals(entry.kind()) && isMax(entry.detail());
    }

    /** The notes that are not M.A.X.'s: the condition on the tenant's {@code note} table. */
    public static Condition notByMax() {
        return NOTE.POST.isNull().or(NOTE.POST.notLike(PREFIX.replace("_", "\\_").replace("%", "\\%") + "%", '\\'));
    }
}
