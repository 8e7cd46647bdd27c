package hyp.compiler.syntax;

import hyp.grammar.HypParser;
import java.util.List;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;

/**
 * ANTLR's error recovery with two changes so that one mistake gives one message: a keyword written where a name
 * belongs is read as that name (after saying so), and a keyword that starts a declaration is never skipped.
 */
final class RecoveryStrategy extends DefaultErrorStrategy {
    private static final List<String> DECLARATION_KEYWORDS =
            List.of("'def'", "'data'", "'param'", "'hyper'", "'optimizer'", "'train'", "'tune'");

    @Override
    public Token recoverInline(Parser recognizer) throws RecognitionException {
        Token current = recognizer.getCurrentToken();
        if (isKeyword(current) && recognizer.getExpectedTokens().contains(HypParser.ID)) {
            if (!inErrorRecoveryMode(recognizer)) {
                recognizer.notifyErrorListeners(current,
                        "'" + current.getText() + "' is a keyword and cannot be used as a name", null);
            }
            recognizer.consume();
            reportMatch(recognizer);
            return current;
        }
        return super.recoverInline(recognizer);
    }

    /**
     * After {@code def f(x) = x +} the next line's {@code def} belongs to the next declaration; skipping it would
     * misread that whole line.
     */
    @Override
    protected Token singleTokenDeletion(Parser recognizer) {
        String next = literal(recognizer.getInputStream().LA(1));
        if (next != null && DECLARATION_KEYWORDS.contains(next)) return null;
        return super.singleTokenDeletion(recognizer);
    }

    private static boolean isKeyword(Token t) {
        String literal = literal(t.getType());
        return literal != null && literal.matches("'[a-zA-Z_]\\w*'");
    }

    private static String literal(int tokenType) {
        return HypParser.VOCABULARY.getLiteralName(tokenType);
    }
}
