package hyp.compiler.ir;

import java.util.List;

/** A region: parameters, nodes in order, and the values it yields. */
public record Block(List<Var> params, List<Node> nodes, List<Var> results) {
    public Block {
        params = List.copyOf(params);
        nodes = List.copyOf(nodes);
        results = List.copyOf(results);
    }
}
