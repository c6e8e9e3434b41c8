package fr.macrea.max.bench;

import java.util.Arrays;

/** Entry point of the benchmark jar: {@code java -jar max-bench.jar <name> [options]}. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: max-bench <sse|h2-durability> [options ...]");
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "sse" -> SseBench.main(rest);
            case "bare-server" -> BareSseServer.serve(rest[0]);
            case "h2-durability" -> H2DurabilityBench.main(rest);
            default -> {
                System.err.println("unknown benchmark: " + args[0]);
                System.exit(2);
            }
        }
    }
}
