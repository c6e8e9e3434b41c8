package fr.macrea.max.creative;

import fr.macrea.max.plugins.api.Channel;

/**
 * A creation as edited, and the parameters of the action that saves it as an EspoCRM {@code EmailTemplate}
 * ({@code newsletter.create} or {@code whatsapp.message}, see {@link CreativeService#actionId}).
 *
 * @param name     the template's name in the CRM
 * @param subject  the subject (newsletter and e-mail), empty for the other channels
 * @param body     HTML for newsletter and e-mail (sanitised on save and on display), plain text otherwise
 * @param modelKey the model it started from, or null
 */
public record CreaContent(Channel channel, String name, String subject, String body, String modelKey) {

    public CreaContent {
        subject = subject == null ? "" : subject;
        body = body == null ? "" : body;
    }

    public CreaContent withBody(String newBody) {
        return new CreaContent(channel, name, subject, newBody, modelKey);
    }

    public CreaContent withSubject(String newSubject) {
        return new CreaContent(channel, name, newSubject, body, modelKey);
    }

    public CreaContent withName(String newName) {
        return new CreaContent(channel, newName, subject, body, modelKey);
    }

    /** Newsletter and e-mail are HTML; WhatsApp, SMS and call scripts are plain text. */
    public boolean html() {
        return CreativeChannels.html(channel);
    }
}
