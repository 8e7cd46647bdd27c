package hyp.compiler.syntax;

import java.util.Arrays;
import java.util.List;

/** Turns ANTLR's messages into ones that read well to a person who never heard of ANTLR. */
final class SyntaxMessages {
    private SyntaxMessages() {}

    static String rewrite(String antlr) {
        int at = antlr.indexOf(" expecting ");
        String head = at < 0 ? antlr : antlr.substring(0, at);
        head = head.replace("<EOF>", "end of file")
                .replace("extraneous input", "unexpected")
                .replace("mismatched input", "unexpected")
                .replace("no viable alternative at input", "cannot parse")
                .replace("token recognition error at:", "unexpected character")
                .replace("missing ", "expected ");
        if (at < 0) return head;
        String tail = antlr.substring(at + " expecting ".length()).replaceAll("^\\{|\\}$", "");
        List<String> expected = Arrays.stream(tail.split(",\\s*")).map(SyntaxMessages::tokenName).toList();
        String list = expected.size() == 1 ? expected.get(0)
                : "one of " + String.join(", ", expected.subList(0, Math.min(8, expected.size())))
                + (expected.size() > 8 ? ", ..." : "");
        return head + ", expecting " + list;
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
