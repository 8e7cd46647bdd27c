package hyp.spark;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A Dataset's partitions as {@link RowBlock}s: each partition's rows copied once into one array per declaration. */
final class RowBlocks {
    private RowBlocks() {}

    static JavaRDD<RowBlock> of(Dataset<Row> rows, List<ColumnCheck.Plan> plans) {
        List<String> names = List.of(rows.schema().fieldNames());
        return rows.toJavaRDD().mapPartitionsWithIndex((partition, it) -> List.of(block(partition, it, plans, names)).iterator(), true);
    }

    static RowBlock block(int partition, Iterator<Row> it, List<ColumnCheck.Plan> plans, List<String> names) {
        int count = 0;
        double[][] out = new double[plans.size()][];
        for (int p = 0; p < plans.size(); p++) out[p] = new double[64 * Math.max(1, plans.get(p).width())];
        while (it.hasNext()) {
            Row row = it.next();
            for (int p = 0; p < plans.size(); p++) {
                ColumnCheck.Plan plan = plans.get(p);
                int at = count * plan.width();
                if (at + plan.width() > out[p].length) out[p] = java.util.Arrays.copyOf(out[p], Math.max(2 * out[p].length, at + plan.width()));
                if (plan.array()) {
                    List<Object> values = row.getList(plan.columnIndex()[0]);
                    if (values == null || values.size() != plan.width()) {
                        throw new IllegalArgumentException("column '" + names.get(plan.columnIndex()[0]) + "' bound to data "
                                + plan.data() + " has " + (values == null ? "null" : values.size() + " numbers") + " in row "
                                + count + " of partition " + partition + "; the declaration needs " + plan.width());
                    }
                    for (int k = 0; k < plan.width(); k++) out[p][at + k] = number(values.get(k), names.get(plan.columnIndex()[0]), plan, count, partition);
                } else {
                    for (int k = 0; k < plan.width(); k++) {
                        int c = plan.columnIndex()[k];
                        out[p][at + k] = number(row.get(c), names.get(c), plan, count, partition);
                    }
                }
            }
            count++;
        }
        Map<String, Values> data = new LinkedHashMap<>();
        for (int p = 0; p < plans.size(); p++) {
            ColumnCheck.Plan plan = plans.get(p);
            int[] shape = new int[1 + plan.rowShape().length];
            shape[0] = count;
            System.arraycopy(plan.rowShape(), 0, shape, 1, plan.rowShape().length);
            data.put(plan.data(), new Values(java.util.Arrays.copyOf(out[p], count * plan.width()), shape));
        }
        return new RowBlock(partition, count, data);
    }

    private static double number(Object v, String column, ColumnCheck.Plan plan, int row, int partition) {
        if (v instanceof Number n) return n.doubleValue();
        throw new IllegalArgumentException("column '" + column + "' bound to data " + plan.data() + " is null in row " + row
                + " of partition " + partition);
    }
}
