package fr.macrea.max.ui.settings.users;

import com.vaadin.flow.server.VaadinServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address of an invitation link, built from the request the admin is making: the host they reached M.A.X. at
 * is the one the invitee will use (behind a reverse proxy, enable {@code server.forward-headers-strategy}).
 */
public final class InvitationLinks {

    public static final String ROUTE = "invitation";

    private InvitationLinks() {
    }

    public static String url(String token) {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request == null) {
            return "/" + ROUTE + "/" + token;
        }
        return ServletUriComponentsBuilder.fromContextPath(request.getHttpServletRequest())
                .pathSegment(ROUTE, token).build().toUriString();
    }
}
