package hyp.runtime.kernels;

/**
 * Sizes of a valid, stride-1 2-D convolution in NCHW layout: input (batch, channels, height, width),
 * filter (filters, channels, kernelH, kernelW), output (batch, filters, outH, outW) with
 * outH = height − kernelH + 1 and outW = width − kernelW + 1.
 */
public record ConvShape(int batch, int channels, int height, int width,
                        int filters, int kernelH, int kernelW) {
    /** Validates that every size is positive and the kernel fits in the image. */
    public ConvShape {
        if (batch < 0 || channels < 1 || filters < 1 || kernelH < 1 || kernelW < 1
                || height < kernelH || width < kernelW) {
            throw new IllegalArgumentException("ConvShape: invalid sizes " + batch + "x" + channels + "x"
                    + height + "x" + width + " with " + filters + " filters of " + kernelH + "x" + kernelW);
        }
    }

    /** Output height. */
    public int outH() {
        return height - kernelH + 1;
    }

    /** Output width. */
    public int outW() {
        return width - kernelW + 1;
    }

    /** Elements of one input image (channels · height · width). */
    public int imageSize() {
        return channels * height * width;
    }

    /** Elements of one output map stack (filters · outH · outW). */
    public int outputImageSize() {
        return filters * outH() * outW();
    }

    /** Elements of the whole input. */
    public int inputSize() {
        return batch * imageSize();
    }

    /** Elements of the whole output. */
    public int outputSize() {
        return batch * outputImageSize();
    }

    /** Elements of the filter bank. */
    public int filterSize() {
        return filters * patchSize();
    }

    /** Elements of one receptive field (channels · kernelH · kernelW). */
    public int patchSize() {
        return channels * kernelH * kernelW;
    }
}
