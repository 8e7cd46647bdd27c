package hyp.compiler.syntax;

import hyp.compiler.diag.CompileException;
import hyp.compiler.diag.Diagnostics;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.diag.Span;
import hyp.grammar.HypLexer;
import hyp.grammar.HypParser;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/** Source text to syntax tree: ANTLR parses, {@link AstBuilder} turns the parse tree into records. */
public final class Parser {
    private Parser() {}

    /** Parses the whole file; throws {@link CompileException} with every syntax error found. */
    public static Program parse(SourceFile source) {
        Diagnostics diagnostics = new Diagnostics();
        // The lexer counts lines at '\n' only; a lone '\r' (old Mac line ends) also ends a line for editors and
        // for SourceFile.lines(), so it is read as '\n' (same length, so every offset stays).
        String text = source.text().replaceAll("\r(?!\n)", "\n");
        HypLexer lexer = new HypLexer(CharStreams.fromString(text, source.name()));
        HypParser parser = new HypParser(new CommonTokenStream(lexer));
        BaseErrorListener listener = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col,
                                    String msg, RecognitionException e) {
                int length = 1;
                String message = SyntaxMessages.rewrite(msg);
                if (offending instanceof Token t && t.getType() == Token.EOF && recognizer instanceof HypParser p
                        && t.getTokenIndex() > 0) {
                    // Point just past the last token rather than at a line after the end of the file.
                    Token last = p.getTokenStream().get(t.getTokenIndex() - 1);
                    line = last.getLine();
                    col = last.getCharPositionInLine() + last.getText().length();
                } else if (offending instanceof Token t && t.getType() != Token.EOF && t.getText() != null) {
                    length = t.getText().length();
                    if (t.getType() == HypLexer.ANY) message = "unexpected character '" + t.getText() + "'";
                }
                diagnostics.error(Span.of(source, line, col + 1, length), message);
            }
        };
        parser.setErrorHandler(new RecoveryStrategy());
        lexer.removeErrorListeners();
        parser.removeErrorListeners();
        lexer.addErrorListener(listener);
        parser.addErrorListener(listener);
        HypParser.ProgramContext tree = parser.program();
        diagnostics.throwIfErrors();
        Program program = new AstBuilder(source, diagnostics).program(tree);
        diagnostics.throwIfErrors();
        return program;
    }
}
