package fr.macrea.max.ui.creative;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import fr.macrea.max.creative.CreaContent;
import fr.macrea.max.creative.CreaImage;
import fr.macrea.max.creative.CreativeService;
import fr.macrea.max.creative.SmsSegments;
import fr.macrea.max.plugins.api.Channel;
import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.shared.Message;
import fr.macrea.max.ui.base.Messages;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The editor of a creation: name, subject (newsletter and e-mail), body; the lead fields a placeholder may name;
 * every problem that blocks saving, live; the length and SMS parts of a text message; one upload per image slot.
 * {@code onChange} runs after each change, with whether the content can be saved.
 */
class CreaEditor extends VerticalLayout {

    static final int MAX_UPLOAD = 5 * 1024 * 1024;

    private final transient CreativeService creative;
    private final transient Runnable onChange;
    private final TextField name = new TextField();
    private final TextField subject = new TextField();
    private final TextArea body = new TextArea();
    private final Paragraph fields = new Paragraph();
    private final Div problems = new Div();
    private final Span counter = new Span();
    private final Div slots = new Div();
    private Channel channel;
    private String modelKey;
    private List<Message> current = List.of();

    CreaEditor(CreativeService creative, Runnable onChange) {
        this.creative = creative;
        this.onChange = onChange;
        setPadding(false);
        name.setId("crea-name");
        name.setLabel(getTranslation("creative.screen.name"));
        name.setWidth("30em");
        name.setMaxWidth("100%");
        subject.setId("crea-subject");
        subject.setLabel(getTranslation("creative.screen.subject"));
        subject.setWidthFull();
        body.setId("crea-body");
        body.setLabel(getTranslation("creative.screen.body"));
        body.setWidthFull();
        body.setMinHeight("14em");
        for (var field : List.of(name, subject)) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(e -> changed());
        }
        body.setValueChangeMode(ValueChangeMode.LAZY);
        body.addValueChangeListener(e -> changed());
        fields.setId("crea-fields");
        fields.addClassName("crea-fields");
        problems.setId("crea-problems");
        problems.addClassName("crea-problems");
        counter.setId("crea-counter");
        slots.setId("crea-slots");
        add(name, subject, body, counter, fields, slots, problems);
    }

    void show(CreaContent content) {
        channel = content.channel();
        modelKey = content.modelKey();
        subject.setVisible(content.html());
        name.setValue(content.name() == null ? "" : content.name());
        subject.setValue(content.subject());
        body.setValue(content.body());
        fields.setText(getTranslation("creative.screen.fields", creative.placeholderFields().stream()
                .filter(CreaEditor::worthWriting).map(f -> "{Lead." + f + "}").collect(Collectors.joining(" "))));
        changed();
    }

    /**
     * Fields a message would say to its reader: record ids, audit dates and the tags' raw list are valid placeholders
     * (the check accepts them) but only noise in the list a writer picks from.
     */
    static boolean worthWriting(String field) {
        return !(field.equals("id") || field.endsWith("Id") || field.endsWith("Currency") || field.equals("createdAt")
                || field.equals("modifiedAt") || field.equals("convertedAt") || field.equals("cTags")
                || field.equals("doNotCall"));
    }

    CreaContent content() {
        return new CreaContent(channel, name.getValue(), subject.isVisible() ? subject.getValue() : "", body.getValue(),
                modelKey);
    }

    boolean saveable() {
        return channel != null && current.isEmpty();
    }

    private void changed() {
        if (channel == null) {
            return;
        }
        CreaContent c = content();
        current = creative.check(c);
        problems.removeAll();
        current.forEach(m -> problems.add(new Paragraph(Messages.text(this, m))));
        if (c.html()) {
            counter.setVisible(false);
        } else {
            SmsSegments.Segments s = SmsSegments.count(c.body());
            counter.setVisible(true);
            counter.setText(channel == Channel.SMS
                    ? getTranslation("creative.screen.counter.sms", s.characters(), s.segments(),
                    s.encoding() == SmsSegments.Encoding.GSM_7 ? "GSM-7" : "UCS-2", s.perSegment())
                    : getTranslation("creative.screen.counter", s.characters()));
        }
        refreshSlots(c);
        onChange.run();
    }

    private void refreshSlots(CreaContent c) {
        slots.removeAll();
        int n = creative.imageSlots(c.body());
        for (int i = 0; i < n; i++) {
            slots.add(slotUpload(i));
        }
    }

    private Div slotUpload(int slot) {
        Span label = new Span(getTranslation("creative.screen.slot", slot + 1));
        Upload upload = new Upload();
        upload.setId("crea-upload-" + slot);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_UPLOAD); // the browser's early refusal; the platform checks again, by content
        upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/webp", "image/gif");
        upload.setUploadHandler(new SlotUpload(slot));
        Div box = new Div(label, upload);
        box.addClassName("crea-slot");
        return box;
    }

    /**
     * Reads an upload into memory, never more than the limit plus one byte (a larger file is cut short and the
     * platform refuses it with its own message), then checks and stores it in the upload request, which is signed
     * in; the screen changes in the UI's lock.
     */
    private final class SlotUpload implements UploadHandler {

        private final int slot;

        SlotUpload(int slot) {
            this.slot = slot;
        }

        @Override
        public void handleUploadRequest(UploadEvent event) throws IOException {
            byte[] bytes;
            try (InputStream in = event.getInputStream()) {
                bytes = in.readNBytes(MAX_UPLOAD + 1);
            }
            UI ui = event.getUI();
            try {
                CreaImage image = creative.upload(bytes, event.getFileName());
                ui.access(() -> body.setValue(creative.fillImageSlot(content(), slot, image).body()));
            } catch (LocalizedException refused) {
                ui.access(() -> CreaView.error(CreaEditor.this, Messages.text(CreaEditor.this, refused)));
            }
        }
    }
}
