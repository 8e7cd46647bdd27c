package hyp.runtime.data;

/**
 * A data set cut into the part the inner problem trains on and the part the outer (hyperparameter)
 * problem is judged on; the {@code .hyp} examples call them X, y and Xv, yv.
 */
public record Split(Dataset train, Dataset validation) {
    public Split {
        if (train.features() != validation.features()) {
            throw new IllegalArgumentException("Split: training rows have " + train.features()
                    + " features but validation rows have " + validation.features());
        }
    }
}
