package fr.macrea.max.creative;

import fr.macrea.max.plugins.api.Channel;

/**
 * What the save action returns: the EspoCRM {@code EmailTemplate} it created (the send side opens its dialog
 * from {@code templateId}) and a fingerprint of what it wrote, so an undo can tell whether someone edited it since.
 */
public record CreaSaved(String templateId, String name, Channel channel, String fingerprint) {
}
