package hyp.compiler.report;

import hyp.runtime.train.Layout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tuned hyperparameters as the user knows them: by name, and entry by entry ({@code rho[3]}, {@code K[1, 2]}). */
public final class HyperNames {
    private final Layout layout;

    public HyperNames(Layout layout) {
        this.layout = layout;
    }

    /** The flat λ as name → value (a Double or a Tensor), in declaration order. */
    public Map<String, Object> values(double[] flat) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int k = 0; k < layout.count(); k++) out.put(layout.names().get(k), layout.get(flat, k));
        return out;
    }

    /** One name per flat entry, in flat order. */
    public List<String> entries() {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < layout.count(); k++) {
            int[] shape = layout.shapes().get(k);
            String name = layout.names().get(k);
            if (shape.length == 0) {
                out.add(name);
                continue;
            }
            for (int i = 0; i < layout.size(k); i++) {
                StringBuilder s = new StringBuilder(name).append('[');
                int rest = i;
                int[] index = new int[shape.length];
                for (int a = shape.length - 1; a >= 0; a--) {
                    index[a] = rest % shape[a];
                    rest /= shape[a];
                }
                for (int a = 0; a < index.length; a++) s.append(a == 0 ? "" : ", ").append(index[a]);
                out.add(s.append(']').toString());
            }
        }
        return out;
    }
}
