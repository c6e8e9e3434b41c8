package fr.macrea.max.bench;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The M.A.X. platform (services, security, SSE endpoint) as one node, for the benchmark. */
@SpringBootApplication(scanBasePackages = "fr.macrea.max")
class SseBenchApplication {
}
