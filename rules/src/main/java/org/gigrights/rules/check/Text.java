package org.gigrights.rules.check;

/**
 * Fills the {@code %s} and {@code %d} of a finding's message template. Unlike {@link
 * String#format}, the result does not depend on the machine's locale (numbers are always ASCII
 * digits) and no format pattern is parsed for each finding.
 */
final class Text {
    private Text() {}

    static String format(String template, Object... args) {
        StringBuilder b = new StringBuilder(template.length() + 16 * args.length);
        int next = 0;
        int from = 0;
        for (int i = template.indexOf('%'); i >= 0; i = template.indexOf('%', from)) {
            char kind = i + 1 < template.length() ? template.charAt(i + 1) : ' ';
            if ((kind != 's' && kind != 'd') || next >= args.length) {
                throw new IllegalArgumentException("unsupported template at " + i + ": " + template);
            }
            // The text between placeholders goes in whole: one copy, not one append a character.
            b.append(template, from, i).append(args[next++]);
            from = i + 2;
        }
        b.append(template, from, template.length());
        if (next != args.length) {
            throw new IllegalArgumentException("unused arguments for template: " + template);
        }
        return b.toString();
    }
}
