package org.awardinghub.api.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awardinghub.command.notification.NotificationKind;
import org.springframework.stereotype.Component;

/**
 * One plain-text template per kind, {@code notifications/<kind>.txt} on the class path: a first line
 * {@code Subject: ...}, a blank line, then the body. Placeholders are named, {@code {holderName}}; a template that
 * names one its notice does not give fails, in the tests, rather than sending a half-filled email. Every kind's
 * template is read at start-up: one missing stops the application from starting.
 */
@Component
class NotificationTemplates {

    /** What a template makes for one recipient. */
    record Email(String subject, String body) {}

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)\\}");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]+");
    private static final String SUBJECT = "Subject: ";

    private final Map<NotificationKind, String[]> templates = new EnumMap<>(NotificationKind.class);

    NotificationTemplates() {
        for (NotificationKind kind : NotificationKind.values()) {
            templates.put(kind, parse(kind, read(kind)));
        }
    }

    Email render(NotificationKind kind, Map<String, String> values) {
        String[] template = templates.get(kind);
        // a subject is one line, whatever a reason or a name holds
        return new Email(LINE_BREAKS.matcher(fill(template[0], values)).replaceAll(" "), fill(template[1], values));
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("No value for the placeholder {" + matcher.group(1) + "}");
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private static String[] parse(NotificationKind kind, String text) {
        String normalised = text.replace("\r\n", "\n");
        int end = normalised.indexOf("\n\n");
        if (!normalised.startsWith(SUBJECT) || end < 0) {
            throw new IllegalStateException("The template of " + kind
                    + " must start with a line 'Subject: ...' and a blank line before the body");
        }
        return new String[] {normalised.substring(SUBJECT.length(), end).strip(), normalised.substring(end + 2)};
    }

    private static String read(NotificationKind kind) {
        String resource = "/notifications/" + kind.templateName() + ".txt";
        try (InputStream in = NotificationTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No template " + resource + " for the notification kind " + kind);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
