package fr.macrea.max.brain;

import fr.macrea.max.brain.BrainClassScan.Ref;

import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The allow-list of what a brain's code may reference: its own classes, {@code plugins-api}, PF4J's
 * {@code @Extension} and {@code ExtensionPoint}, {@code java.lang} basics, the collections, functions and streams of
 * {@code java.util}, {@code java.time}, and as invokedynamic bootstraps only string concatenation, lambdas, records
 * and pattern switches. Everything else (threads, files, sockets, processes, {@code System}, {@code Runtime},
 * reflection, method handles, class loaders, {@code ServiceLoader}, JDBC, {@code sun.*}, unsafe, foreign memory,
 * references) is refused, as is a native method. A brain contributes data: it never needs any of those.
 * <p>
 * Accumulate the jar's classes with {@link #add}, then ask {@link #violations()}: a reference to one of the jar's own
 * classes is only known to be one once every class has been read.
 */
final class BrainBytecodePolicy {

    private static final String API = "fr/macrea/max/plugins/api/";

    private static final Set<String> LANG = Set.of("Object", "String", "StringBuilder", "StringBuffer",
            "CharSequence", "Comparable", "Iterable", "AutoCloseable", "Cloneable", "Number", "Boolean", "Byte",
            "Short", "Integer", "Long", "Float", "Double", "Character", "Void", "Math", "StrictMath", "Enum", "Record",
            "Class", "Deprecated", "FunctionalInterface", "SafeVarargs", "Throwable", "Exception", "RuntimeException",
            "IllegalArgumentException", "IllegalStateException", "NullPointerException",
            "UnsupportedOperationException", "IndexOutOfBoundsException", "ArrayIndexOutOfBoundsException",
            "StringIndexOutOfBoundsException", "ArithmeticException", "ClassCastException", "NumberFormatException",
            "ArrayStoreException", "NegativeArraySizeException", "CloneNotSupportedException", "AssertionError",
            "MatchException", "NoSuchFieldError", "IncompatibleClassChangeError");

    private static final Set<String> UTIL = Set.of("Collection", "List", "Map", "Map$Entry", "Set", "Arrays",
            "Collections", "Objects", "Optional", "OptionalInt", "OptionalLong", "OptionalDouble", "ArrayList",
            "LinkedList", "HashMap", "LinkedHashMap", "HashSet", "LinkedHashSet", "TreeMap", "TreeSet", "EnumMap",
            "EnumSet", "SortedMap", "SortedSet", "NavigableMap", "NavigableSet", "SequencedCollection", "SequencedMap",
            "SequencedSet", "Iterator", "ListIterator", "Comparator", "Queue", "Deque", "ArrayDeque",
            "AbstractMap$SimpleEntry", "AbstractMap$SimpleImmutableEntry", "StringJoiner", "Locale",
            "NoSuchElementException", "ConcurrentModificationException");

    private static final Set<String> STREAM = Set.of("Stream", "Stream$Builder", "IntStream", "LongStream",
            "DoubleStream", "BaseStream", "Collector", "Collector$Characteristics", "Collectors");

    /** Of {@code java.lang.Class} (reflection), only what javac itself emits for allowed code: {@code assert}. */
    private static final Set<String> CLASS_MEMBERS = Set.of("desiredAssertionStatus");

    /** Members refused on every allowed JDK type: monitors, finalizers, console output, parallelism, properties. */
    private static final Set<String> REFUSED_MEMBERS = Set.of("wait", "notify", "notifyAll", "finalize",
            "printStackTrace", "parallel", "parallelStream", "parallelSort", "parallelPrefix", "parallelSetAll",
            "toConcurrentMap", "groupingByConcurrent", "getInteger", "getLong", "getBoolean");

    /** The invokedynamic bootstraps javac emits for string concatenation, lambdas, records and pattern switches. */
    private static final Set<String> BOOTSTRAPS = Set.of(
            "java/lang/invoke/StringConcatFactory.makeConcatWithConstants",
            "java/lang/invoke/StringConcatFactory.makeConcat",
            "java/lang/invoke/LambdaMetafactory.metafactory",
            "java/lang/invoke/LambdaMetafactory.altMetafactory",
            "java/lang/runtime/ObjectMethods.bootstrap",
            "java/lang/runtime/SwitchBootstraps.typeSwitch",
            "java/lang/runtime/SwitchBootstraps.enumSwitch");

    /** A class of the jar and what it must not reference, in Java notation. */
    record Violation(String brainClass, String reference) {
    }

    private final Map<String, BrainClassScan> classes = new HashMap<>();

    void add(BrainClassScan scan) {
        classes.put(scan.name(), scan);
    }

    /** Every forbidden reference, one per (class, referenced member or type), class by class in name order. */
    List<Violation> violations() {
        Set<Violation> found = new LinkedHashSet<>();
        classes.values().stream().sorted(java.util.Comparator.comparing(BrainClassScan::name)).forEach(scan -> {
            String from = javaName(scan.name());
            scan.nativeMethods().forEach(m -> found.add(new Violation(from, "native " + from + "." + method(
                    m.substring(0, m.indexOf('(')), m.substring(m.indexOf('('))))));
            Set<String> ownersRefusedByMember = new java.util.HashSet<>();
            List<Violation> types = new ArrayList<>();
            for (Ref ref : scan.refs()) {
                String problem = problem(ref);
                if (problem == null) {
                    continue;
                }
                if (ref.kind() == Ref.Kind.TYPE) {
                    types.add(new Violation(from, problem));
                } else {
                    String owner = elementType(ref.owner());
                    if (owner != null) {
                        ownersRefusedByMember.add(javaName(owner));
                    }
                    found.add(new Violation(from, problem));
                }
            }
            // "new Thread(r)" names the type and its constructor: the constructor says more
            types.stream().filter(v -> !ownersRefusedByMember.contains(v.reference())).forEach(found::add);
        });
        return List.copyOf(found);
    }

    /** Why a reference is refused, in Java notation; null when it is allowed. */
    private String problem(Ref ref) {
        String owner = elementType(ref.owner());
        if (ref.kind() == Ref.Kind.BOOTSTRAP) {
            return BOOTSTRAPS.contains(ref.owner() + "." + ref.member()) ? null
                    : "bootstrap " + javaName(ref.owner()) + "." + ref.member();
        }
        if (owner == null) { // an array of primitives: only Object's members
            return REFUSED_MEMBERS.contains(ref.member()) ? "java.lang.Object." + ref.member() : null;
        }
        if (ref.kind() == Ref.Kind.TYPE) {
            return typeAllowed(owner) ? null : javaName(owner);
        }
        String rendered = ref.kind() == Ref.Kind.FIELD ? javaName(owner) + "." + ref.member()
                : method(javaName(owner) + "." + ref.member(), ref.descriptor());
        if (classes.containsKey(owner)) {
            return inheritedMemberAllowed(owner, ref) ? null : rendered;
        }
        if (!typeAllowed(owner)) {
            return rendered;
        }
        return jdkMemberAllowed(owner, ref.member()) ? null : rendered;
    }

    /** A member named through one of the jar's classes may still be inherited from a JDK type. */
    private boolean inheritedMemberAllowed(String owner, Ref ref) {
        String key = ref.member() + ":" + ref.descriptor();
        List<String> pending = new ArrayList<>(List.of(owner));
        Set<String> visited = new java.util.HashSet<>();
        while (!pending.isEmpty()) {
            String type = pending.removeLast();
            if (!visited.add(type)) {
                continue;
            }
            BrainClassScan own = classes.get(type);
            if (own == null) {
                if (typeAllowed(type) && !jdkMemberAllowed(type, ref.member())) {
                    return false;
                }
                continue;
            }
            if (own.declaredMembers().contains(key)) {
                continue;
            }
            if (own.superName() != null) {
                pending.add(own.superName());
            }
            pending.addAll(own.interfaces());
        }
        return true;
    }

    private static boolean jdkMemberAllowed(String owner, String member) {
        if (REFUSED_MEMBERS.contains(member)) {
            return false;
        }
        return !owner.equals("java/lang/Class") || CLASS_MEMBERS.contains(member);
    }

    private boolean typeAllowed(String type) {
        if (classes.containsKey(type) || type.startsWith(API)) {
            return true;
        }
        if (type.equals("org/pf4j/Extension") || type.equals("org/pf4j/ExtensionPoint")
                || type.equals("java/io/Serializable")) {
            return true;
        }
        if (type.startsWith("java/time/")) {
            return true;
        }
        if (type.startsWith("java/util/function/")) {
            return type.lastIndexOf('/') == "java/util/function/".length() - 1;
        }
        return in(type, "java/lang/", LANG) || in(type, "java/util/", UTIL) || in(type, "java/util/stream/", STREAM);
    }

    private static boolean in(String type, String pkg, Set<String> names) {
        return type.startsWith(pkg) && names.contains(type.substring(pkg.length()));
    }

    /** The element type of an array owner ({@code [[Ljava/lang/String;}), null for primitives; else the owner. */
    private static String elementType(String owner) {
        if (!owner.startsWith("[")) {
            return owner;
        }
        ClassDesc desc = ClassDesc.ofDescriptor(owner);
        while (desc.isArray()) {
            desc = desc.componentType();
        }
        String d = desc.descriptorString();
        return desc.isPrimitive() ? null : d.substring(1, d.length() - 1);
    }

    static String javaName(String internalName) {
        return internalName.replace('/', '.');
    }

    /** {@code java.lang.System.exit(int)}: a method with its parameter types, as an author reads it. */
    private static String method(String qualifiedName, String descriptor) {
        MethodTypeDesc type = MethodTypeDesc.ofDescriptor(descriptor);
        return qualifiedName + type.parameterList().stream().map(ClassDesc::displayName)
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
