package fr.macrea.max.crm;

/** A CRM record by EspoCRM entity type ({@code Lead}, {@code Contact}, ...) and 17-character id. */
public record EntityRef(String entityType, String id) {

    public static EntityRef lead(String id) {
        return new EntityRef("Lead", id);
    }

    public static EntityRef contact(String id) {
        return new EntityRef("Contact", id);
    }
}
