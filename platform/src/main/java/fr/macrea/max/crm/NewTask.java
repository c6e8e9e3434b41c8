package fr.macrea.max.crm;

import java.time.Instant;

/** A task to create on a record; {@code priority} is EspoCRM's (Low, Normal, High, Urgent), null = Normal. */
public record NewTask(String name, String description, String priority, Instant dueAt, String assignedUserId) {
}
