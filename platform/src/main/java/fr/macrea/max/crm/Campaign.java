package fr.macrea.max.crm;

import java.time.LocalDate;

/** An EspoCRM campaign; status Planning/Active/Inactive/Complete, type Email/Newsletter/... */
public record Campaign(String id, String name, String status, String type, LocalDate startDate, LocalDate endDate,
                       String description) {
}
