package fr.macrea.max.crm;

import fr.macrea.max.shared.Message;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * AES-256-GCM encryption of connection secrets at rest, with the key from the environment
 * ({@code max.secrets.key}: base64 of 32 bytes, e.g. {@code openssl rand -base64 32}). Stored form:
 * base64(12-byte nonce + ciphertext + tag). Without a key, secrets cannot be saved (clear French error).
 * <p>
 * The embedded default ({@code ./max run}) has no environment to hold a key: it names a key file instead
 * ({@code max.secrets.key-file}, under {@code ./data}), created with 32 random bytes on the first start and readable
 * by its owner only, so a tenant admin can connect an EspoCRM out of the box. {@code max.secrets.key} wins when set.
 */
@Component
public class SecretCipher {

    private static final int NONCE = 12;
    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    public SecretCipher(@Value("${max.secrets.key:}") String base64Key) {
        this(base64Key, "");
    }

    @org.springframework.beans.factory.annotation.Autowired
    public SecretCipher(@Value("${max.secrets.key:}") String base64Key, @Value("${max.secrets.key-file:}") String keyFile) {
        if ((base64Key == null || base64Key.isBlank()) && keyFile != null && !keyFile.isBlank()) {
            base64Key = keyFromFile(java.nio.file.Path.of(keyFile));
        }
        if (base64Key == null || base64Key.isBlank()) {
            this.key = null;
            return;
        }
        byte[] raw = Base64.getDecoder().decode(base64Key.strip());
        if (raw.length != 32 && raw.length != 16) {
            throw new IllegalStateException("max.secrets.key must be the base64 of 16 or 32 bytes");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    private String keyFromFile(java.nio.file.Path file) {
        try {
            if (java.nio.file.Files.exists(file)) {
                return java.nio.file.Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] raw = new byte[32];
            random.nextBytes(raw);
            String key = Base64.getEncoder().encodeToString(raw);
            java.nio.file.Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                java.nio.file.Files.createDirectories(parent);
            }
            java.nio.file.Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
            try {
                java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the file keeps the directory's permissions
            }
            return key;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read or create the secrets key file " + file, e);
        }
    }

    public String encrypt(String clear) {
        requireKey();
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String stored) {
        requireKey();
        try {
            byte[] in = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, NONCE));
            return new String(cipher.doFinal(in, NONCE, in.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CrmException(Message.of("crm.secret.undecipherable"), e);
        }
    }

    private void requireKey() {
        if (key == null) {
            throw new CrmException(Message.of("crm.secret.no-key"));
        }
    }
}
