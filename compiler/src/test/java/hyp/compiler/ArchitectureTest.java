package hyp.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dependency rules of docs/ARCHITECTURE.md, read from the sources (imports and fully qualified names in code,
 * comments and string literals left out): the runtime never refers to the compiler, the runtime's packages form
 * no cycle, and neither do the compiler's.
 */
class ArchitectureTest {
    private static final Path COMPILER = Path.of("src/main/java");
    private static final Path RUNTIME = Path.of("../runtime/src/main/java");

    @Test
    void theRuntimeNeverRefersToTheCompiler() {
        Map<String, Set<String>> uses = packageGraph(RUNTIME, "hyp");
        assertTrue(uses.size() > 5, "the runtime's sources were not found: " + uses.keySet());
        List<String> offenders = new ArrayList<>();
        uses.forEach((p, targets) -> targets.stream().filter(t -> t.startsWith("hyp.compiler"))
                .forEach(t -> offenders.add(p + " -> " + t)));
        assertEquals(List.of(), offenders, "the runtime must not reach back into the compiler");
    }

    @Test
    void theRuntimesPackagesFormNoCycle() {
        List<Set<String>> cycles = cycles(packageGraph(RUNTIME, "hyp.runtime"));
        System.out.println("runtime package cycles: " + cycles);
        assertEquals(List.of(), cycles);
    }

    @Test
    void theCompilersPackagesFormNoCycle() {
        Map<String, Set<String>> graph = packageGraph(COMPILER, "hyp.compiler");
        assertTrue(graph.getOrDefault("hyp.compiler.cli", Set.of()).contains("hyp.compiler.check"),
                "the scan sees no dependencies: " + graph);
        List<Set<String>> cycles = cycles(graph);
        System.out.println("compiler package cycles: " + cycles);
        assertEquals(List.of(), cycles, "a package cycle; break it, e.g. by moving the shared part below both");
    }

    /**
     * Beyond acyclicity, the layering docs/ARCHITECTURE.md draws for the core: the IR knows no primitive (operations
     * are its own Operator interface), and the transformations use neither a back end, the simplifier, the checker
     * nor lowering (callers compose those).
     */
    @Test
    void theIrCoreAndTheTransformationsUseOnlyWhatIsBelowThem() {
        Map<String, Set<String>> graph = packageGraph(COMPILER, "hyp.compiler");
        assertEquals(Set.of("hyp.compiler.diag", "hyp.compiler.types"), graph.get("hyp.compiler.ir"));
        assertEquals(Set.of("hyp.compiler.diag", "hyp.compiler.ir", "hyp.compiler.prim", "hyp.compiler.types"),
                graph.get("hyp.compiler.ad"));
    }

    @Test
    void theScanFindsCyclesThroughImportsAndQualifiedNamesButNotComments(@TempDir Path dir) throws IOException {
        write(dir, "x/a/A.java", "package x.a;\nimport x.b.B;\nclass A { B b; }\n");
        write(dir, "x/b/B.java", "package x.b;\nclass B { x.c.C c; }\n");
        write(dir, "x/c/C.java", "package x.c;\n/** see {@link x.a.A} */\nclass C { String s = \"x.a.A\"; char q = '\"'; x.d.D d; }\n");
        write(dir, "x/d/D.java", "package x.d;\nimport static x.b.B.f;\nclass D {}\n");
        Map<String, Set<String>> graph = packageGraph(dir, "x");
        assertEquals(Set.of("x.b"), graph.get("x.a"));
        assertEquals(Set.of("x.d"), graph.get("x.c"));
        assertEquals(List.of(Set.of("x.b", "x.c", "x.d")), cycles(graph));
    }

    private static void write(Path dir, String file, String text) throws IOException {
        Path p = dir.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern NOISE = Pattern.compile(
            "/\\*.*?\\*/|//[^\\n]*|'(?:\\\\.|[^'\\\\])'|\"(?:\\\\.|[^\"\\\\])*\"", Pattern.DOTALL);

    /** Package → the packages under {@code prefix} its files refer to (by import or qualified name), itself excluded. */
    static Map<String, Set<String>> packageGraph(Path root, String prefix) {
        Pattern reference = Pattern.compile("\\b(" + Pattern.quote(prefix) + "(?:\\.[a-z_][a-z0-9_]*)*)\\.[A-Z*]");
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                Matcher pkg = PACKAGE.matcher(text);
                if (!pkg.find()) continue;
                Set<String> targets = graph.computeIfAbsent(pkg.group(1), k -> new TreeSet<>());
                Matcher m = reference.matcher(NOISE.matcher(text).replaceAll(" "));
                while (m.find()) if (!m.group(1).equals(pkg.group(1))) targets.add(m.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    /** The strongly connected components of more than one package (Tarjan's algorithm), each sorted. */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>(), low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> out = new ArrayList<>();
        for (String v : graph.keySet()) if (!index.containsKey(v)) connect(v, graph, index, low, stack, out);
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, List<Set<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) out.add(component);
        }
    }
}
