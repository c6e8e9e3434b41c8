package fr.macrea.max.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoredMessageTest {

    @Test
    void aMessageWithNestedMessagesAndNumbersComesBackAsItWas() {
        Message message = Message.of("action.outcome.failed.refunded", Message.of("action.failure.error",
                Message.of("action.text", "le service distant a répondu 500")), 5);
        String stored = StoredMessage.write(message, 500);
        assertThat(StoredMessage.read(stored, "action.text")).isEqualTo(message);
    }

    @Test
    void longTextArgumentsAreClippedSoThatTheJsonFitsTheColumnWhole() {
        Message message = Message.of("action.failure.error", "x".repeat(2_000));
        String stored = StoredMessage.write(message, 255);
        assertThat(stored).hasSizeLessThanOrEqualTo(255);
        Message read = StoredMessage.read(stored, "action.text");
        assertThat(read.key()).isEqualTo("action.failure.error");
        assertThat((String) read.args().getFirst()).startsWith("xxxx").endsWith("…");
    }

    @Test
    void aRowWrittenBeforeMessagesWereKeysReadsAsItsText() {
        assertThat(StoredMessage.read("Allocation mensuelle du plan Pro", "wallet.text"))
                .isEqualTo(Message.of("wallet.text", "Allocation mensuelle du plan Pro"));
        assertThat(StoredMessage.read(null, "wallet.text")).isNull();
    }
}
