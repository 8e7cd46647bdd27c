package hyp.compiler.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns ANTLR's messages into ones that read well to a person who never heard of ANTLR. */
final class SyntaxMessages {
    private SyntaxMessages() {}

    /** ANTLR's "missing X at Y": the parser wanted X just before Y. */
    private static final Pattern MISSING = Pattern.compile("missing (.+) at ('.*')");
    /** One token in ANTLR's rendering of a token set: a quoted literal, {@code <EOF>} or a token name. */
    private static final Pattern TOKEN = Pattern.compile("'(?:\\\\.|[^'\\\\])*'|<EOF>|\\w+");
    /** Every token that can start an expression: listing them all says less than "an expression". */
    private static final List<String> EXPRESSION_START =
            List.of("'('", "'['", "'-'", "'+'", "'not'", "'true'", "'false'", "INT", "REAL", "ID");
    private static final List<String> DECLARATION_START =
            List.of("'def'", "'data'", "'param'", "'hyper'", "'optimizer'", "'train'", "'tune'");

    static String rewrite(String antlr) {
        Matcher missing = MISSING.matcher(antlr);
        if (missing.matches()) {
            String at = missing.group(2);
            return "expected " + expected(missing.group(1)) + (at.equals("'<EOF>'") ? " at end of file" : " before " + at);
        }
        int at = antlr.indexOf(" expecting ");
        String head = at < 0 ? antlr : antlr.substring(0, at);
        head = head.replace("'<EOF>'", "end of file")
                .replace("<EOF>", "end of file")
                .replace("extraneous input", "unexpected")
                .replace("mismatched input", "unexpected")
                .replace("no viable alternative at input", "cannot parse")
                .replace("token recognition error at:", "unexpected character");
        if (at < 0) return head;
        return head + ", expecting " + expected(antlr.substring(at + " expecting ".length()));
    }

    /** A token set such as {@code {'(', ID, INT}} as words. */
    private static String expected(String set) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(set);
        while (m.find()) tokens.add(m.group());
        List<String> words = new ArrayList<>();
        if (tokens.containsAll(EXPRESSION_START)) {
            tokens.removeAll(EXPRESSION_START);
            words.add("an expression");
        }
        if (tokens.containsAll(DECLARATION_START)) {
            tokens.removeAll(DECLARATION_START);
            words.add("a declaration");
        }
        for (String t : tokens) words.add(tokenName(t));
        if (words.size() == 1) return words.get(0);
        if (words.size() > 8) return String.join(", ", words.subList(0, 8)) + ", ...";
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    private static String tokenName(String token) {
        return switch (token) {
            case "INT" -> "an integer";
            case "REAL" -> "a number";
            case "ID" -> "a name";
            case "<EOF>" -> "end of file";
            default -> token;
        };
    }
}
