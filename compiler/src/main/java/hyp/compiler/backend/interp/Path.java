package hyp.compiler.backend.interp;

import hyp.compiler.diag.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The control-flow path one evaluation took, as events in the order the constructs began: for each {@code if}
 * executed, the side it took; for each loop, its trip count. Positions are the .hyp line and column (0:0 for code
 * without a source position).
 */
public record Path(List<Event> events) {
    public Path {
        events = List.copyOf(events);
    }

    /** One control-flow decision. */
    public sealed interface Event {
        /** "if", "while" or "for". */
        String kind();

        int line();

        int column();
    }

    /** An {@code if} that ran its then-block ({@code thenTaken}) or its else-block. */
    public record Branch(int line, int column, boolean thenTaken) implements Event {
        public String kind() {
            return "if";
        }
    }

    /** A loop whose body ran {@code trips} times. */
    public record Loop(String kind, int line, int column, long trips) implements Event {}

    /** A recorder that builds a {@link Path}; pass it to {@link Interpreter#run(hyp.compiler.ir.Function, List, PathRecorder)}. */
    public static Recorder recorder() {
        return new Recorder();
    }

    /** The events as a JSON array: {@code [{"kind": "while", "at": "2:5", "trips": 3}, {"kind": "if", "at": "3:9", "taken": "then"}]}. */
    public String toJson() {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (i > 0) out.append(", ");
            out.append("{\"kind\": \"").append(e.kind()).append("\", \"at\": \"")
                    .append(e.line()).append(':').append(e.column()).append('"');
            if (e instanceof Branch b) out.append(", \"taken\": \"").append(b.thenTaken() ? "then" : "else").append('"');
            else out.append(", \"trips\": ").append(((Loop) e).trips());
            out.append('}');
        }
        return out.append(']').toString();
    }

    /** Collects events; a loop's slot is reserved when it starts so that nested events follow it. */
    public static final class Recorder implements PathRecorder {
        private final List<Event> events = new ArrayList<>();
        private final Deque<Integer> openLoops = new ArrayDeque<>();

        @Override
        public void branch(Span span, boolean thenTaken) {
            events.add(new Branch(line(span), column(span), thenTaken));
        }

        @Override
        public void loopStart(Span span, String kind) {
            openLoops.push(events.size());
            events.add(null);
        }

        @Override
        public void loopEnd(Span span, String kind, long trips) {
            Loop loop = new Loop(kind, line(span), column(span), trips);
            if (openLoops.isEmpty()) events.add(loop);
            else events.set(openLoops.pop(), loop);
        }

        /** The events so far (loops still open, e.g. after an exception, are left out). */
        public Path path() {
            return new Path(events.stream().filter(Objects::nonNull).toList());
        }

        private static int line(Span s) {
            return s == null ? 0 : s.line();
        }

        private static int column(Span s) {
            return s == null ? 0 : s.column();
        }
    }
}
