/**
 * Data for {@code data} declarations: {@link hyp.runtime.data.CsvReader} and
 * {@link hyp.runtime.data.CsvWriter} move tensors to and from (optionally gzipped) numeric CSV files;
 * {@link hyp.runtime.data.ShapeBinding} binds the declarations' symbolic dimensions to the sizes found
 * and reports mismatches naming the files; {@link hyp.runtime.data.Synthetic} and
 * {@link hyp.runtime.data.SyntheticSets} generate the seeded synthetic sets the examples use.
 *
 * <p>Typical use by a command line: {@code ShapeBinding.bindFiles(declared, files, CsvReader.STRICT)},
 * then {@code binding.tensor("X")} and {@code binding.size("n")}.
 */
package hyp.runtime.data;
