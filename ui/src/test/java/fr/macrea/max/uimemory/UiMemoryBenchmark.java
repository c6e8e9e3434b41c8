package fr.macrea.max.uimemory;

import fr.macrea.max.ui.SignedInRequests;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.UidlWriter;
import fr.macrea.max.MaxApplication;
import fr.macrea.max.brain.BrainActivationService;
import fr.macrea.max.demo.DemoTenant;
import fr.macrea.max.event.EventFanout;
import fr.macrea.max.fields.BuiltBrains;
import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.security.MaxUserDetailsService;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.shared.TenantId;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestDatabase;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.ui.reporting.ReportingView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./max bench ui-memory} (issue 15, part 2): the heap one signed-in Vaadin session costs with the Reporting
 * tab open and its live feed subscribed, against the same number of sessions of the same users on an empty route
 * (no layout), in the same JVM and run. Each session is a Karibu session of the real Spring context (the real
 * {@code SpringServlet}, Spring Security's context stored in the HTTP session as the login filter stores it, the
 * real views, services and event fan-out on MariaDB with the demo data); after the navigation the UI's changes are
 * encoded into a UIDL response and kept as the UI's last response, exactly as {@code UidlRequestHandler} does for a
 * browser. The sessions are kept referenced while the heap is measured after forced full GCs.
 * Prints one line per variant and N, the top of a class histogram difference at the largest N, and
 * {@code RESULT ui-memory mb_per_session=X ratio=<ours/empty>} (X at the largest N, target X <= 1).
 * Not matched by failsafe's {@code *IT} pattern: run with {@code -Dit.test=UiMemoryBenchmark}.
 */
// a brain's first inspection in a child JVM took more than the default 10 s on the shared 2-core machine
@SpringBootTest(classes = MaxApplication.class, properties = {"max.demo.enabled=true", "max.brains.watch=false",
        "max.brains.load-timeout=60s",
        // as the runnable jar runs: no dev-mode component tracker (a creation stack trace kept per component)
        "vaadin.productionMode=true"})
class UiMemoryBenchmark {

    private static final double MB = 1024.0 * 1024.0;

    @Autowired
    ApplicationContext context;
    @Autowired
    MaxUserDetailsService users;
    @Autowired
    TenantService tenants;
    @Autowired
    BrainActivationService activations;
    @Autowired
    EventFanout fanout;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("max.brains.dir", BuiltBrains.FOLDER::toString);
    }

    /** One signed-in browser tab: its Vaadin session and UI, kept referenced as the servlet container would. */
    record Held(VaadinSession session, UI ui) {
    }

    record Variant(String name, String route) {
    }

    static final Variant EMPTY = new Variant("empty", "bench-empty");
    static final Variant LAYOUT = new Variant("layout", "bench-layout");
    static final Variant REPORTING = new Variant("reporting", "reporting");

    private MockSpringServlet servlet;
    private final List<MaxPrincipal> principals = new ArrayList<>();
    private final List<TenantId> tenantIds = new ArrayList<>();

    @Test
    void heapPerSession() throws Exception {
        List<Integer> sizes = parseSizes(System.getProperty("bench.sessions", "50,200"));
        System.out.printf(Locale.ROOT, "setup sessions=%s max_heap_mb=%.0f production_mode=%s%n", sizes,
                Runtime.getRuntime().maxMemory() / MB, context.getEnvironment().getProperty("vaadin.productionMode"));
        prepareDemoTenants();
        Routes routes = new Routes().autoDiscoverViews("fr.macrea.max.ui");
        routes.getRoutes().add(EmptyBenchView.class);
        routes.getRoutes().add(LayoutBenchView.class);
        SignedInRequests.install();
        servlet = new MockSpringServlet(routes, context, UI::new);
        disableComponentTracker();
        try {
            // warm-up: classes loaded, per-tenant caches (dashboard snapshot, KPIs, i18n bundles) filled once
            for (Variant v : List.of(EMPTY, LAYOUT, REPORTING)) {
                measure(v, 6, false);
            }
            Map<Integer, Double> ours = new HashMap<>();
            Map<Integer, Double> empty = new HashMap<>();
            int largest = sizes.stream().max(Integer::compare).orElseThrow();
            for (int n : sizes) {
                boolean histogram = n == largest && Boolean.parseBoolean(System.getProperty("bench.histogram", "true"));
                empty.put(n, measure(EMPTY, n, histogram));
                measure(LAYOUT, n, false);
                ours.put(n, measure(REPORTING, n, histogram));
            }
            double x = ours.get(largest) / MB;
            double ratio = ours.get(largest) / empty.get(largest);
            System.out.printf(Locale.ROOT, "RESULT ui-memory mb_per_session=%.3f ratio=%.2f%n", x, ratio);
        } finally {
            VaadinSession.setCurrent(null);
            UI.setCurrent(null);
            MockVaadin.tearDown();
            TestTenants.signOut();
        }
    }

    private static List<Integer> parseSizes(String text) {
        return java.util.Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Integer::parseInt).toList();
    }

    /** The demo tenants with their verticals' brains active (the demo data may come from a context without them). */
    private void prepareDemoTenants() {
        for (DemoTenant demo : DemoTenant.ALL) {
            TenantId id = SystemAuthentication.asPlatform(() -> tenants.findBySlug(demo.slug()).orElseThrow().id());
            for (String vertical : demo.verticals()) {
                SystemAuthentication.asPlatform(() -> {
                    activations.activate(id, vertical);
                    return null;
                });
            }
            tenantIds.add(id);
            principals.add(users.loadUserByUsername(demo.userEmail()));
        }
    }

    /**
     * Vaadin's development-mode component tracker keeps a creation and an attach stack trace per component (about
     * 1 MB per Reporting session). The runnable jar runs in production mode, where {@code ApplicationConfiguration}
     * disables it; Karibu's mock servlet context reports development mode whatever the deployment configuration says,
     * so the tracker is switched off here as production mode does.
     */
    private static void disableComponentTracker() throws ReflectiveOperationException {
        java.lang.reflect.Field f = com.vaadin.flow.component.internal.ComponentTracker.class.getDeclaredField("disabled");
        f.setAccessible(true);
        f.set(null, Boolean.TRUE);
    }

    private static Object trackerDisabled() {
        try {
            java.lang.reflect.Field f = com.vaadin.flow.component.internal.ComponentTracker.class.getDeclaredField("disabled");
            f.setAccessible(true);
            return f.get(null);
        } catch (ReflectiveOperationException e) {
            return e.toString();
        }
    }

    private int subscribers() {
        return tenantIds.stream().mapToInt(fanout::subscriberCount).sum();
    }

    /** Bytes of heap per session for {@code n} sessions on the variant's route; the sessions are closed after. */
    private double measure(Variant variant, int n, boolean printHistogram) throws Exception {
        int subscribersBefore = subscribers();
        long before = usedAfterGc();
        Map<String, long[]> histoBefore = histogram();
        long started = System.nanoTime();
        List<Held> held = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            held.add(open(principals.get(i % principals.size()), variant.route()));
        }
        long openMs = (System.nanoTime() - started) / 1_000_000;
        if (n == 6) {
            UI ui = held.getFirst().ui();
            System.out.printf(Locale.ROOT, "setup %s production_mode=%s tracker_disabled=%s last_response_chars=%d%n",
                    variant.name(), servlet.getService().getDeploymentConfiguration().isProductionMode(),
                    trackerDisabled(), ui.getInternals().getLastRequestResponse().length());
            if (System.getProperty("bench.dump") != null) {
                java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("bench.dump") + "-" + variant.name() + ".json"),
                        ui.getInternals().getLastRequestResponse());
            }
        }
        VaadinSession.setCurrent(null);
        UI.setCurrent(null);
        TestTenants.signOut();
        int subscribersHeld = subscribers() - subscribersBefore;
        if (variant == REPORTING) {
            assertThat(held).allSatisfy(h -> assertThat(h.ui().getInternals().getActiveRouterTargetsChain())
                    .anyMatch(ReportingView.class::isInstance));
            // the view's live feed, the header bell's and the balance's: at least one per session
            assertThat(subscribersHeld).isGreaterThanOrEqualTo(n);
        }
        long after = usedAfterGc();
        Map<String, long[]> histoAfter = histogram();
        // the figure: live bytes after a full GC, summed over the class histogram (exact, where the used heap also
        // counts the GC's region slack and moves by a few MB between two full GCs)
        double perSession = (double) liveBytesDelta(histoBefore, histoAfter) / n;
        System.out.printf(Locale.ROOT,
                "sessions %s n=%d mb_per_session=%.3f heap_used_before_mb=%.1f heap_used_after_mb=%.1f used_mb_per_session=%.3f live_subscriptions=%d open_ms=%d%n",
                variant.name(), n, perSession / MB, before / MB, after / MB, (double) (after - before) / n / MB,
                subscribersHeld, openMs);
        if (printHistogram) {
            printHistogramDelta(variant, n, histoBefore, histoAfter);
        }
        close(held);
        held.clear();
        assertThat(subscribers()).as("every subscription closed with its session").isEqualTo(subscribersBefore);
        return perSession;
    }

    /** A new browser tab signed in as {@code principal}: session, UI, navigation, the response written. */
    private Held open(MaxPrincipal principal, String route) {
        TestTenants.signIn(principal);
        MockVaadin.setup(UI::new, servlet);
        VaadinSession session = VaadinSession.getCurrent();
        // where Spring Security's login keeps the signed-in user for the next requests of this session
        session.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                SecurityContextHolder.getContext());
        UI ui = UI.getCurrent();
        ui.navigate(route);
        MockVaadin.clientRoundtrip(false);
        // the UIDL response of the navigation, as UidlRequestHandler writes it: the state tree's changes are
        // collected (cleared) and the JSON is kept as the UI's last response for a resend
        ui.getInternals().setLastRequestResponse(new UidlWriter().createUidl(ui, false).toString());
        // the end of the request: the session's lock is released (Karibu keeps it held between test steps), so
        // live events are delivered by the fan-out threads through UI.access as in production
        session.unlock();
        return new Held(session, ui);
    }

    /**
     * Closes each session as the container's session timeout does ({@code VaadinService.fireSessionDestroy}: UIs
     * closed and detached, subscriptions closed). Karibu's mock session opens a fresh session when one closes (a
     * log-out followed by a reload) unless it is tearing down: its tear-down flag is raised meanwhile.
     */
    @SuppressWarnings("unchecked")
    private void close(List<Held> held) throws ReflectiveOperationException {
        java.lang.reflect.Field flag = MockVaadin.class.getDeclaredField("currentlyClosingSession");
        flag.setAccessible(true);
        ThreadLocal<Boolean> closing = (ThreadLocal<Boolean>) flag.get(null);
        closing.set(true);
        try {
            destroy(held);
        } finally {
            closing.set(false);
        }
    }

    private void destroy(List<Held> held) {
        VaadinService service = servlet.getService();
        for (Held h : held) {
            h.session().lock();
            VaadinSession.setCurrent(h.session());
            UI.setCurrent(h.ui());
            service.fireSessionDestroy(h.session());
            MockVaadin.runUIQueue(false, h.session());
            h.session().unlock();
        }
        VaadinSession.setCurrent(null);
        UI.setCurrent(null);
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(150);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static final Pattern HISTO_LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");

    /** The live objects per class (instances, bytes), as {@code jcmd <pid> GC.class_histogram} prints them. */
    private static Map<String, long[]> histogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[]{new String[0]}, new String[]{String[].class.getName()});
        Map<String, long[]> byClass = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = HISTO_LINE.matcher(line);
            if (m.matches()) {
                byClass.merge(m.group(3), new long[]{Long.parseLong(m.group(1)), Long.parseLong(m.group(2))},
                        (a, b) -> new long[]{a[0] + b[0], a[1] + b[1]});
            }
        }
        return byClass;
    }

    private static long liveBytesDelta(Map<String, long[]> before, Map<String, long[]> after) {
        return after.values().stream().mapToLong(a -> a[1]).sum() - before.values().stream().mapToLong(b -> b[1]).sum();
    }

    private static void printHistogramDelta(Variant variant, int n, Map<String, long[]> before,
                                            Map<String, long[]> after) {
        record Delta(String type, long instances, long bytes) {
        }
        List<Delta> deltas = new ArrayList<>();
        after.forEach((type, a) -> {
            long[] b = before.getOrDefault(type, new long[2]);
            deltas.add(new Delta(type, a[0] - b[0], a[1] - b[1]));
        });
        deltas.sort(Comparator.comparingLong(Delta::bytes).reversed());
        long total = deltas.stream().mapToLong(Delta::bytes).sum();
        System.out.printf(Locale.ROOT, "histogram %s n=%d total_kb_per_session=%.1f%n", variant.name(), n,
                total / 1024.0 / n);
        deltas.stream().limit(12).forEach(d -> System.out.printf(Locale.ROOT,
                "histogram %s   %-70s %9.1f objects %8.1f KB per session%n", variant.name(), d.type(),
                (double) d.instances() / n, d.bytes() / 1024.0 / n));
    }
}
