package hyp.compiler.cli;

import hyp.compiler.check.CheckedProgram;
import hyp.compiler.check.Global;
import hyp.compiler.diag.UsageException;
import hyp.compiler.syntax.Decl;
import hyp.compiler.types.Type;
import hyp.runtime.Tensor;
import hyp.runtime.data.DataFile;
import hyp.runtime.data.DataShapeException;
import hyp.runtime.data.DataValue;
import hyp.runtime.data.ShapeBinding;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Data read from CSV (.csv, .csv.gz) or IDX files (the MNIST format, see {@link DataFile}): those named by {@code --data NAME=FILE} options, and the
 * {@code from "file"} sources of data declarations (relative to the .hyp file) that no option overrides.
 */
final class DataFiles {
    private DataFiles() {}

    /**
     * {@code inline} names the globals given by {@code --at}: their declared files are not read (the inline value
     * is bound, with the same shape checks), and giving one both inline and by {@code --data} is an error.
     */
    static Map<String, Object> load(CheckedProgram program, List<String> items, Set<String> inline) {
        Map<String, Path> files = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1) throw new UsageException("--data '" + item + "' is not NAME=FILE");
            String name = item.substring(0, eq).trim();
            Global g = program.globals().get(name);
            if (g == null || g.kind() != Decl.VarKind.DATA) {
                throw new UsageException("--data " + name + ": " + program.program().source().name() + " declares no data '" + name + "'");
            }
            if (inline.contains(name)) {
                throw new UsageException("'" + name + "' is given twice: by --at " + name + "=... and by --data " + name + "=...; give one");
            }
            files.put(name, Path.of(item.substring(eq + 1).trim()));
            origin.put(name, "--data " + name);
        }
        Path base = Path.of(program.program().source().name()).toAbsolutePath().getParent();
        for (Global g : program.globals().values()) {
            Decl.Var decl = g.decl();
            if (decl.source() == null || files.containsKey(g.name()) || inline.contains(g.name())) continue;
            files.put(g.name(), base == null ? Path.of(decl.source().name()) : base.resolve(decl.source().name()));
            origin.put(g.name(), decl.source().span().location() + ": data " + g.name());
        }
        // Every file is read first, then all dimensions are bound at once, so a mismatch names both files.
        Map<String, DataValue> values = new LinkedHashMap<>();
        Map<String, List<String>> declared = new LinkedHashMap<>();
        for (Map.Entry<String, Path> f : files.entrySet()) {
            Global g = program.globals().get(f.getKey());
            values.put(f.getKey(), new DataValue(read(g, f.getValue(), origin.get(f.getKey())), f.getValue().toString()));
            declared.put(f.getKey(), dims(g.type()));
        }
        try {
            return new LinkedHashMap<>(ShapeBinding.bind(declared, values).tensors());
        } catch (DataShapeException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static List<String> dims(Type t) {
        if (!(t instanceof Type.Tensor tensor)) return List.of();
        return tensor.dims().stream().map(d -> d.symbolic() ? d.name() : Integer.toString(d.size())).toList();
    }

    /**
     * A CSV matrix declaration reads rows × columns even from one row; a vector accepts one row or one column; IDX
     * files and {@code as onehot} as {@link DataFile} says.
     */
    private static Tensor read(Global g, Path file, String what) {
        try {
            Decl.Var decl = g.decl();
            String format = decl.format() == null ? null : decl.format().name();
            return DataFile.read(file, dims(g.type()), format, "data " + g.name() + ": " + g.type());
        } catch (NoSuchFileException e) {
            throw new UsageException(what + ": no such file: " + file);
        } catch (IOException e) {
            throw new UsageException(what + ": " + e.getMessage());
        }
    }
}
