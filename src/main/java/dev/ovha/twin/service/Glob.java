package dev.ovha.twin.service;

import java.util.regex.Pattern;

/** AWS filter values: {@code *} matches any run of characters, {@code ?} exactly one; case-sensitive. */
public final class Glob {

    private Glob() {
    }

    public static boolean matches(String pattern, String value) {
        if (value == null) {
            return false;
        }
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            return pattern.equals(value);
        }
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.matches(regex.toString(), value);
    }
}
