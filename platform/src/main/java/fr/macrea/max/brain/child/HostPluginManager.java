package fr.macrea.max.brain.child;

import fr.macrea.max.plugins.api.PluginsApi;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFinder;
import org.pf4j.JarPluginLoader;
import org.pf4j.LegacyExtensionFinder;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginLoader;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** PF4J on one root folder, knowing the host's API version. Used only in the child JVM ({@link BrainChild}). */
final class HostPluginManager extends DefaultPluginManager {

    HostPluginManager(Path root) {
        super(root);
        setSystemVersion(PluginsApi.VERSION);
    }

    Path root() {
        return pluginsRoots.getFirst();
    }

    /** Brains are jars with a manifest: skip PF4J's plugin.properties lookup (a zip file system per load). */
    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return new ManifestPluginDescriptorFinder();
    }

    /** Every brain gets a {@link BrainClassLoader}: its jar, the JDK, PF4J and plugins-api only. */
    @Override
    protected PluginLoader createPluginLoader() {
        return new JarPluginLoader(this) {
            @Override
            protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                return new BrainClassLoader(pluginManager, descriptor, getClass().getClassLoader());
            }
        };
    }

    /**
     * Extensions come from plugin jars only. PF4J's default finder also re-reads every
     * {@code META-INF/extensions.idx} and service file of the host's class path after each plugin state change,
     * which is most of the cost of a load in a Spring Boot application with a long class path.
     */
    @Override
    protected ExtensionFinder createExtensionFinder() {
        LegacyExtensionFinder finder = new LegacyExtensionFinder(this) {
            @Override
            public Map<String, Set<String>> readClasspathStorages() {
                return new LinkedHashMap<>();
            }
        };
        addPluginStateListener(finder);
        return finder;
    }
}
