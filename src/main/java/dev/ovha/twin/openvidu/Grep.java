package dev.ovha.twin.openvidu;

import dev.ovha.twin.state.ShellResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code grep [-i] [-E] [-F] [-c] PATTERN} over lines: exit 0 with matches, 1 with none, 2 on bad usage. */
record Grep(Pattern pattern, boolean count) {

    static Optional<Grep> parse(String arguments) {
        List<String> words = shellWords(arguments.trim());
        boolean ignoreCase = false;
        boolean fixed = true;
        boolean count = false;
        String pattern = null;
        for (String w : words) {
            if (pattern == null && w.startsWith("-") && w.length() > 1) {
                for (char flag : w.substring(1).toCharArray()) {
                    switch (flag) {
                        case 'i' -> ignoreCase = true;
                        case 'E' -> fixed = false;
                        case 'F' -> fixed = true;
                        case 'c' -> count = true;
                        default -> {
                            return Optional.empty();
                        }
                    }
                }
            } else if (pattern == null) {
                pattern = w;
            } else {
                return Optional.empty();
            }
        }
        if (pattern == null) {
            return Optional.empty();
        }
        try {
            // Basic grep patterns used in practice are plain text; -E gives Java regex semantics.
            String regex = fixed ? Pattern.quote(pattern) : pattern;
            return Optional.of(new Grep(Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE : 0), count));
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
    }

    ShellResult apply(List<String> lines) {
        List<String> matching = new ArrayList<>();
        for (String line : lines) {
            if (pattern.matcher(line).find()) {
                matching.add(line);
            }
        }
        String out = count ? matching.size() + "\n" : MasterShell.join(matching);
        return new ShellResult(matching.isEmpty() ? 1 : 0, out, "");
    }

    /** Splits on blanks, honouring single and double quotes. */
    private static List<String> shellWords(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(current.toString());
                    current.setLength(0);
                    inWord = false;
                }
            } else {
                current.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(current.toString());
        }
        return words;
    }
}
