package fr.macrea.max.brain.child;

import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.List;

/**
 * A brain's class loader: the brain's own jar, the JDK, PF4J (and the SLF4J API it logs with) and plugins-api,
 * nothing else of the host. A brain that names a platform class ({@code fr.macrea.max.*} outside
 * {@code fr.macrea.max.plugins.api}) or a host library (Spring, jOOQ, JDBC drivers, Vaadin, ...) gets a
 * {@link HostClassRefusedException}, so it cannot couple itself to the host's internals by reflection. Resources
 * are the brain's own only.
 * <p>
 * It only ever exists in the short-lived child JVM that inspects a jar ({@link BrainChild}), never in the server:
 * there it keeps a brain from coupling itself to the child's own classes (Jackson, the child entry point). It is not
 * a sandbox (code can still reach the application class loader through {@code Brain.class.getClassLoader()}); the
 * isolation is the child process itself, which holds no database, secret or tenant data and is killed after its
 * time limit.
 */
final class BrainClassLoader extends PluginClassLoader {

    /** Packages a brain may take from the host; anything else must be in the brain's own jar. */
    static final List<String> FROM_HOST = List.of("fr.macrea.max.plugins.api.", "org.pf4j.", "org.slf4j.");

    private static final ClassLoader JDK = ClassLoader.getPlatformClassLoader();

    BrainClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader host) {
        super(manager, descriptor, host, ClassLoadingStrategy.PDA);
    }

    @Override
    public Class<?> loadClass(String className) throws ClassNotFoundException {
        if (FROM_HOST.stream().anyMatch(className::startsWith)) {
            return super.loadClass(className);
        }
        synchronized (getClassLoadingLock(className)) {
            Class<?> loaded = findLoadedClass(className);
            if (loaded != null) {
                return loaded;
            }
            try {
                return JDK.loadClass(className);
            } catch (ClassNotFoundException notJdk) {
                // not a JDK class: only the brain's own jar may define it
            }
            try {
                return findClass(className);
            } catch (ClassNotFoundException notInJar) {
                throw new HostClassRefusedException(className);
            }
        }
    }

    /**
     * Resources come from the brain's own jar only: the host's class path holds its configuration
     * ({@code max-platform.properties}, migrations, bundles) and the other jars' indexes, none of a brain's business.
     */
    @Override
    public URL getResource(String name) {
        return findResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return findResources(name);
    }

    /** The host refused a class to a brain (or the class exists nowhere a brain may look). */
    static final class HostClassRefusedException extends ClassNotFoundException {
        private final String className;

        HostClassRefusedException(String className) {
            super(className + " is not available to brains (only the JDK, PF4J and plugins-api are)");
            this.className = className;
        }

        String className() {
            return className;
        }
    }
}
