package io.tune4j.cli;

import io.tune4j.store.ResultsServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** {@code tune4j serve}: serves a results folder's database to other machines, over TLS, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the results database to runs on other machines (H2 over TLS) until Ctrl-C; writes"
                + " RESULTS/tune4j.client, the file those machines pass to --results-server.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
            description = "Folder of the results database (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--host", required = true, paramLabel = "ADDRESS",
            description = "The address to listen on, as the other machines reach this one (e.g. 10.0.0.5).")
    String host;

    @Option(names = "--port", defaultValue = "9092", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) throw new ParameterException(spec.commandLine(), "--port must be 0..65535");
        return ResultsServer.serveOthers(dir, host, port, System.out);
    }
}
