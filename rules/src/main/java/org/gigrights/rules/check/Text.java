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
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '%') {
                b.append(c);
                continue;
            }
            char kind = i + 1 < template.length() ? template.charAt(i + 1) : ' ';
            if ((kind != 's' && kind != 'd') || next >= args.length) {
                throw new IllegalArgumentException("unsupported template at " + i + ": " + template);
            }
            b.append(args[next++]);
            i++;
        }
        if (next != args.length) {
            throw new IllegalArgumentException("unused arguments for template: " + template);
        }
        return b.toString();
    }
}
