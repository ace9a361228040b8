package io.tune4j.trainer.data;

/**
 * The height, width and channels of a dataset whose rows are images. Rows stay flat, channel by channel
 * ({@code c, h, w}, DL4J's {@code InputType.convolutionalFlat} order), so a dense network takes the same rows a
 * convolutional one does.
 */
public record ImageShape(int height, int width, int channels) {
    public ImageShape {
        if (height <= 0 || width <= 0 || channels <= 0) {
            throw new IllegalArgumentException("image shape must be positive, got " + height + "x" + width + "x" + channels);
        }
    }

    public int pixels() {
        return height * width * channels;
    }

    @Override
    public String toString() {
        return height + "x" + width + "x" + channels;
    }
}
