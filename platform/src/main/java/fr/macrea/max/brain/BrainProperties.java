package fr.macrea.max.brain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where brains come from.
 *
 * @param dir          the folder holding the brain jars ({@code brain-<id>-<version>.jar}); a missing folder is fine
 *                     (no brain until it appears)
 * @param scanInterval how often the folder is re-read for dropped, replaced or removed jars
 * @param watch        whether to re-read the folder at all (tests drive {@link BrainManager#rescan()} themselves)
 * @param loadTimeout  how long a brain may take to hand over its contributions before it is refused
 */
@ConfigurationProperties("max.brains")
public record BrainProperties(@DefaultValue("./data/brains") Path dir,
                              @DefaultValue("2s") Duration scanInterval,
                              @DefaultValue("true") boolean watch,
                              @DefaultValue("10s") Duration loadTimeout) {
}
