package hyp.compiler.build;

import java.nio.file.Path;

/** The generated class of a .hyp file: {@code examples/mod1.hyp} → {@code hyp.generated.Mod1}. */
public final class ClassNames {
    private ClassNames() {}

    public static String forFile(Path file) {
        String base = file.getFileName().toString().replaceFirst("\\.hyp$", "");
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : base.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                upper = true;
                continue;
            }
            out.append(upper ? Character.toUpperCase(c) : c);
            upper = false;
        }
        if (out.length() == 0 || !Character.isJavaIdentifierStart(out.charAt(0))) out.insert(0, 'M');
        return "hyp.generated." + out;
    }
}
