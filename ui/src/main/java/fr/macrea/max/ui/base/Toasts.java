package fr.macrea.max.ui.base;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.SequencedSet;

/**
 * The toasts of one tab (UI). Two rules, so that toasts stop covering the header:
 * <ul>
 *   <li>at most {@link #MAX_OPEN} event toasts are open at once: a new one closes the oldest (a burst of events,
 *   demo data, a busy tenant, piled up 4-5 of them over the header; the activity feed and the bell's count keep
 *   every event);</li>
 *   <li>an action outcome is told once: the screen that ran the action shows its outcome and {@link #told}s its
 *   action log id, and the header bell does not toast the same outcome when its event comes back through the
 *   live feed.</li>
 * </ul>
 */
public final class Toasts implements Serializable {

    /** Open event toasts per tab. */
    public static final int MAX_OPEN = 3;
    /** How many told outcomes a tab remembers (their events come back within a second; the set stays small). */
    private static final int REMEMBERED = 50;

    private final Deque<Notification> open = new ArrayDeque<>();
    private final SequencedSet<Long> told = new LinkedHashSet<>();

    private Toasts() {
    }

    /** The toasts of this tab. */
    public static Toasts of(UI ui) {
        Toasts toasts = ComponentUtil.getData(ui, Toasts.class);
        if (toasts == null) {
            toasts = new Toasts();
            ComponentUtil.setData(ui, Toasts.class, toasts);
        }
        return toasts;
    }

    /** Opens an event toast, closing the oldest one beyond {@link #MAX_OPEN}. */
    public Notification show(String text, int durationMs, Notification.Position position) {
        open.removeIf(n -> !n.isOpened());
        while (open.size() >= MAX_OPEN) {
            open.removeFirst().close();
        }
        Notification notification = Notification.show(text, durationMs, position);
        open.addLast(notification);
        notification.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                open.remove(notification);
            }
        });
        return notification;
    }

    /** This tab has shown the outcome of this action (its screen did): the bell need not show it again. */
    public void told(long actionLogId) {
        told.add(actionLogId);
        while (told.size() > REMEMBERED) {
            told.removeFirst();
        }
    }

    public boolean alreadyTold(long actionLogId) {
        return told.contains(actionLogId);
    }
}
