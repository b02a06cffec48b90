package dev.ovha.config;

import io.cucumber.tagexpressions.TagExpressionException;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.util.Optional;

/**
 * The Cucumber tag expression that selects this run's scenarios, as the POM or {@code -Dcucumber.filter.tags}
 * passed it. Cucumber's own key, not an {@code ovha.*} one: read here only so that a refusal can quote it.
 */
public final class TagSelection {
    public static final String PROPERTY = "cucumber.filter.tags";

    private TagSelection() {
    }

    public static Optional<String> current() {
        return Optional.ofNullable(System.getProperty(PROPERTY)).map(String::strip).filter(s -> !s.isEmpty());
    }

    /**
     * Why {@code expression} is not a tag expression, if it is not one. Cucumber's engine does not stop on
     * a malformed expression, it just selects nothing; the empty-run refusal uses this to say why.
     */
    public static Optional<String> syntaxError(String expression) {
        try {
            TagExpressionParser.parse(expression);
            return Optional.empty();
        } catch (TagExpressionException e) {
            String message = String.valueOf(e.getMessage());
            int because = message.indexOf("because of ");
            return Optional.of(because < 0 ? message : message.substring(because + "because of ".length()));
        }
    }
}
