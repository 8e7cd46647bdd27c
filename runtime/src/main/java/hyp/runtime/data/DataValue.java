package hyp.runtime.data;

import hyp.runtime.Tensor;

/**
 * A tensor offered for a {@code data} declaration, with where it came from for messages.
 *
 * <p>Files should be read with {@link CsvReader#readMatrix} so a one-row file is not mistaken for a
 * column; {@link ShapeBinding#bindFiles} does that.
 *
 * @param tensor the values
 * @param origin what to call it in messages: the file name as the user gave it, or e.g. "Java array"
 */
public record DataValue(Tensor tensor, String origin) {
    public DataValue {
        if (tensor == null || origin == null) {
            throw new IllegalArgumentException("DataValue: tensor and origin must not be null");
        }
    }
}
