package fr.macrea.max.outbound;

import fr.macrea.max.settings.SmtpSettings;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * The tenant's SMTP server ({@code settings/SmtpSettings} and its decrypted password), one message at a time.
 * Transient failures (server unreachable, 4xx) are retried by resilience4j; an address the server rejects for
 * good is reported failed and the batch goes on.
 */
final class SmtpAdapter implements MessagingPort {

    static final String NAME = "SMTP";

    private final JavaMailSenderImpl sender;
    private final String from;
    private final Retry retry;
    private final SendRateLimiter limiter;

    SmtpAdapter(SmtpSettings settings, String password, OutboundProperties properties, SendRateLimiter limiter) {
        this.sender = new JavaMailSenderImpl();
        sender.setHost(settings.host());
        sender.setPort(settings.port() == null ? 587 : settings.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        if (settings.username() != null) {
            sender.setUsername(settings.username());
            sender.setPassword(password);
        }
        Properties props = sender.getJavaMailProperties();
        props.put("mail.smtp.auth", String.valueOf(settings.username() != null));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "20000");
        props.put("mail.smtp.writetimeout", "20000");
        if (settings.security() == SmtpSettings.Security.STARTTLS) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        } else if (settings.security() == SmtpSettings.Security.TLS) {
            props.put("mail.smtp.ssl.enable", "true");
        }
        this.from = settings.sender();
        this.limiter = limiter;
        this.retry = Retry.of("outbound-smtp", RetryConfig.custom()
                .maxAttempts(properties.retryAttempts())
                .waitDuration(properties.retryWait())
                .retryOnException(e -> e instanceof MailException && !permanent(e))
                .build());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean transactional() {
        return false;
    }

    @Override
    public void deliver(long sendId, List<Rendered> batch, Report report) {
        for (Rendered message : batch) {
            limiter.acquire(1);
            try {
                retry.executeRunnable(() -> sender.send(mime(message)));
                report.delivered(message);
            } catch (MailException e) {
                if (permanent(e)) {
                    report.failed(message, "SMTP_REJECTED");
                } else {
                    throw new DeliveryInterruptedException("SMTP unavailable: " + e.getMessage(), e);
                }
            }
        }
    }

    private MimeMessage mime(Rendered message) {
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(message.to());
            helper.setSubject(message.subject());
            helper.setText(message.html(), message.isHtml());
            for (var header : message.headers().entrySet()) {
                mime.setHeader(header.getKey(), header.getValue());
            }
            return mime;
        } catch (jakarta.mail.MessagingException e) {
            throw new org.springframework.mail.MailPreparationException(e);
        }
    }

    /** The server rejected the address itself (5xx on RCPT): retrying cannot help. */
    static boolean permanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                    && failed.getInvalidAddresses().length > 0) {
                return true;
            }
            if (t instanceof org.springframework.mail.MailSendException send) {
                for (Exception nested : send.getFailedMessages().values()) {
                    if (nested != e && permanent(nested)) {
                        return true;
                    }
                }
            }
            if (t instanceof org.springframework.mail.MailPreparationException) {
                return true;
            }
        }
        return false;
    }
}
