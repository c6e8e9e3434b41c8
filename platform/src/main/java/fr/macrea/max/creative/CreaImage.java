package fr.macrea.max.creative;

/**
 * An image stored for the current tenant, as the editor shows it.
 *
 * @param url         the absolute address recipients load it from ({@code max.public-url} + /api/public/images/...)
 * @param contentType the stored format (image/png, image/jpeg, image/gif; a WebP upload is stored as PNG)
 */
public record CreaImage(String token, String url, String contentType, int width, int height, int size) {

    /** The path of an image token on this server. */
    public static String path(String token) {
        return "/api/public/images/" + token;
    }
}
