package fr.macrea.max.crm;

/** An EspoCRM e-mail template: {@code body} is HTML when {@code isHtml} (there is no bodyHtml in EspoCRM). */
public record EmailTemplate(String id, String name, String subject, String body, boolean isHtml, String categoryId,
                            String categoryName) {
}
