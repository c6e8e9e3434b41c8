package fr.macrea.max.brain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The bytecode allow-list on classes compiled at test time: what javac emits for declarative code passes, the rest not. */
class BrainBytecodePolicyTest {

    private static List<BrainBytecodePolicy.Violation> violations(String className, String source) {
        BrainBytecodePolicy policy = new BrainBytecodePolicy();
        Map<String, byte[]> classes = BrainJars.compile(className, source);
        classes.forEach((entry, bytes) -> policy.add(BrainClassScan.of(bytes)));
        return policy.violations();
    }

    @Test
    void declarative_code_with_records_enums_lambdas_switches_streams_and_time_passes() {
        String source = """
                import fr.macrea.max.plugins.api.*;
                import java.time.*;
                import java.util.*;
                import java.util.stream.*;

                @org.pf4j.Extension
                public class Declarative implements Brain {
                    record Step(String name, int days) { }
                    enum Level { LOW, HIGH }
                    sealed interface Shape permits Circle, Square { }
                    record Circle(double r) implements Shape { }
                    record Square(double side) implements Shape { }

                    static double area(Shape shape) {
                        return switch (shape) {
                            case Circle c -> Math.PI * c.r() * c.r();
                            case Square s -> s.side() * s.side();
                        };
                    }

                    static String label(Level level) {
                        switch (level) {
                            case LOW: return "bas";
                            default: return "haut";
                        }
                    }

                    @Override
                    public BrainContributions contribute(BrainContext context) {
                        assert context != null;
                        List<Step> steps = new ArrayList<>(List.of(new Step("j" + 1, 3), new Step("j2", 7)));
                        steps.sort(Comparator.comparing(Step::days).reversed());
                        Map<String, Integer> byName = steps.stream()
                                .collect(Collectors.toMap(Step::name, Step::days, (a, b) -> a, LinkedHashMap::new));
                        String joined = byName.keySet().stream().map(String::toUpperCase).collect(Collectors.joining(","));
                        Duration total = Duration.ofDays(steps.stream().mapToInt(Step::days).sum());
                        Optional<Step> first = steps.stream().filter(s -> s.days() > 2).findFirst();
                        String kind = switch (joined) { case "J1" -> "un"; default -> "autre"; };
                        Object any = first.orElse(null);
                        if (any instanceof Step(String name, int days) && days > 0 && !name.isEmpty()) {
                            kind += name;
                        }
                        int[] squares = IntStream.range(0, 3).map(i -> i * i).toArray();
                        String text = "%s %s %d %s %s".formatted(kind, label(Level.HIGH), squares.length,
                                area(new Circle(1)), LocalDate.of(2026, 1, 1).plus(total));
                        try {
                            Integer.parseInt(text);
                        } catch (NumberFormatException e) {
                            text = text + e.getMessage();
                        }
                        if (text.isEmpty()) throw new IllegalStateException(Objects.requireNonNull(text));
                        return null;
                    }
                }
                """;
        assertThat(violations("testbrains.declarative.Declarative", source)).isEmpty();
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("jdbc", "java.sql.DriverManager.getConnection(String)", """
                        try { java.sql.DriverManager.getConnection("jdbc:h2:mem:x"); }
                        catch (java.sql.SQLException e) { throw new IllegalStateException(e); }"""),
                Arguments.of("exit", "java.lang.System.exit(int)", "System.exit(1);"),
                Arguments.of("thread", "java.lang.Thread.<init>(Runnable)", "new Thread(() -> { }).start();"),
                Arguments.of("exec", "java.lang.Runtime.getRuntime()", """
                        try { Runtime.getRuntime().exec(new String[] {"sh", "-c", "id"}); }
                        catch (java.io.IOException e) { throw new IllegalStateException(e); }"""),
                Arguments.of("reflection", "java.lang.Class.getDeclaredMethods()",
                        "if (System.class.getDeclaredMethods().length == 0) throw new IllegalStateException();"),
                Arguments.of("handles", "java.lang.invoke.MethodHandles.lookup()",
                        "var lookup = java.lang.invoke.MethodHandles.lookup();"),
                Arguments.of("forname", "java.lang.Class.forName(String)", """
                        try { Class.forName("fr.macrea.max.brain.BrainManager"); }
                        catch (ClassNotFoundException e) { throw new IllegalStateException(e); }"""),
                Arguments.of("loader", "java.lang.ClassLoader.<init>()", "new ClassLoader() { };"),
                Arguments.of("files", "java.nio.file.Files.readString(Path)", """
                        try { java.nio.file.Files.readString(java.nio.file.Path.of("/etc/passwd")); }
                        catch (java.io.IOException e) { throw new IllegalStateException(e); }"""),
                Arguments.of("socket", "java.net.Socket.<init>(String, int)", """
                        try { new java.net.Socket("127.0.0.1", 3306).close(); }
                        catch (java.io.IOException e) { throw new IllegalStateException(e); }"""),
                Arguments.of("executor", "java.util.concurrent.Executors.newSingleThreadExecutor()",
                        "java.util.concurrent.Executors.newSingleThreadExecutor();"),
                Arguments.of("parallel", "java.util.List.parallelStream()",
                        "java.util.List.of(1, 2).parallelStream().count();"),
                Arguments.of("services", "java.util.ServiceLoader.load(Class)",
                        "java.util.ServiceLoader.load(Brain.class).findFirst();"),
                Arguments.of("monitor", "java.lang.Object.wait()", """
                        try { new Object().wait(); } catch (InterruptedException e) { }"""),
                Arguments.of("sysprop", "java.lang.Integer.getInteger(String)",
                        "Integer.getInteger(\"max.secret\");"),
                Arguments.of("classname", "java.lang.Class.getName()",
                        "String n = String.class.getName();"),
                Arguments.of("arraymonitor", "java.lang.Object.notify()", "new int[1].notify();"),
                Arguments.of("threadref", "java.lang.Thread.<init>(Runnable)",
                        "java.util.function.Function<Runnable, Thread> f = Thread::new;"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostile_code_is_refused_naming_the_class_and_the_member(String name, String member, String statement) {
        String className = "testbrains.hostile" + name + ".Hostile";
        String source = """
                import fr.macrea.max.plugins.api.*;

                @org.pf4j.Extension
                public class Hostile implements Brain {
                    @Override
                    public BrainContributions contribute(BrainContext context) {
                        %s
                        return null;
                    }
                }
                """.formatted(statement);
        assertThat(violations(className, source)).extracting(BrainBytecodePolicy.Violation::reference).contains(member);
        assertThat(violations(className, source)).extracting(BrainBytecodePolicy.Violation::brainClass)
                .allSatisfy(c -> assertThat(c).startsWith(className));
    }

    @Test
    void a_native_method_declared_in_the_jar_is_refused() {
        String source = """
                public class Native {
                    public native void nap(long millis);
                }
                """;
        assertThat(violations("testbrains.nativecode.Native", source))
                .containsExactly(new BrainBytecodePolicy.Violation("testbrains.nativecode.Native",
                        "native testbrains.nativecode.Native.nap(long)"));
    }

    @Test
    void a_refused_member_inherited_from_a_jdk_type_and_called_through_an_own_class_is_still_refused() {
        String source = """
                public class Noisy extends RuntimeException {
                    void shout() { printStackTrace(); }
                }
                """;
        assertThat(violations("testbrains.noisy.Noisy", source)).extracting(BrainBytecodePolicy.Violation::reference)
                .containsExactly("testbrains.noisy.Noisy.printStackTrace()");
    }

    @Test
    void an_own_class_extending_a_forbidden_type_is_refused_by_its_superclass() {
        String source = """
                public class Worker extends Thread {
                    @Override public void run() { }
                }
                """;
        assertThat(violations("testbrains.worker.Worker", source)).extracting(BrainBytecodePolicy.Violation::reference)
                .contains("java.lang.Thread.<init>()");
    }
}
