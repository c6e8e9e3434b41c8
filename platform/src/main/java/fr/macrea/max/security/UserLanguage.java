package fr.macrea.max.security;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;
import java.util.Set;

/**
 * The signed-in user's language, remembered across sessions: the UI applies it when it starts and stores the
 * user's choice when they switch. Only the signed-in user's own row is ever read or written (the id comes from the
 * authenticated principal, never from a caller).
 */
@Service
public class UserLanguage {

    /** Languages the product speaks; anything else is refused rather than stored. */
    public static final Set<String> SUPPORTED = Set.of("fr", "en");

    private final UserRepository repository;
    private final TenantContext context;

    UserLanguage(UserRepository repository, TenantContext context) {
        this.repository = repository;
        this.context = context;
    }

    /** The language the signed-in user chose last ("fr" until they choose), empty when nobody is signed in. */
    @Transactional(readOnly = true)
    public Optional<String> current() {
        return signedIn().flatMap(repository::languageOf).filter(SUPPORTED::contains);
    }

    /** Remembers the signed-in user's choice (an unsupported language, or nobody signed in, changes nothing). */
    @Transactional
    public void remember(String language) {
        if (language == null || !SUPPORTED.contains(language)) {
            return;
        }
        signedIn().ifPresent(userId -> repository.setLanguage(userId, language));
    }

    private Optional<Long> signedIn() {
        // a real user only: the system principal of jobs (id 0 or less) has no row
        return context.principal().map(MaxPrincipal::userId).filter(id -> id > 0);
    }
}
