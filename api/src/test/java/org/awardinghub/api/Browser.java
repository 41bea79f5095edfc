package org.awardinghub.api;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/**
 * Headless Chromium driven through ChromeDriver, both taken from the PATH (Debian's chromium and
 * chromium-driver, which {@code .ci/run} installs). Where they are missing the browser tests are skipped.
 *
 * <p>Starting Chromium costs seconds, so the test JVM starts one, the first time a test asks, and quits it when the
 * JVM ends (ADR 0158). Each {@link #open()} hands it over as a browser no test has used: one blank tab (the other
 * tabs closed, and their sessionStorage with them), no cookie of any site, nothing stored by the sites opened
 * before (localStorage, IndexedDB, caches), the first window size, the usual timeouts. A test that opens a second
 * browser while it holds the first gets a Chromium of its own, closed with it: two people at once stay apart.
 */
public final class Browser implements AutoCloseable {

    private static final Duration IMPLICIT_WAIT = Duration.ofSeconds(5);
    private static final Duration PAGE_LOAD = Duration.ofMinutes(5);
    private static final Duration SCRIPT = Duration.ofSeconds(30);

    /** The JVM's Chromium, started by the first open(); guarded by Browser.class, as are the two below. */
    private static Chromium shared;

    private static boolean sharedInUse;
    /** Every site the shared Chromium has been on, so that what they stored can be deleted. */
    private static final Set<String> origins = new LinkedHashSet<>();

    private final Chromium chromium;
    private final boolean own;
    private boolean closed;

    private Browser(Chromium chromium, boolean own) {
        this.chromium = chromium;
        this.own = own;
    }

    /** The shared Chromium in a clean state (or a Chromium of its own while the shared one is held). */
    public static Browser open() {
        return open(null);
    }

    /**
     * As {@link #open()}, also deleting what {@code origin} (e.g. "http://localhost:8080") stored, had it been
     * visited in a way the browser did not see.
     */
    static Browser open(String origin) {
        Optional<File> chromium = onPath("chromium");
        Optional<File> chromedriver = onPath("chromedriver");
        Assumptions.assumeTrue(
                chromium.isPresent() && chromedriver.isPresent(),
                "chromium and chromedriver are not installed (.ci/run installs them)");
        synchronized (Browser.class) {
            if (sharedInUse) {
                return new Browser(Chromium.start(chromium.get(), chromedriver.get()), true);
            }
            if (origin != null) {
                origins.add(origin);
            }
            if (shared != null) {
                try { // the last close() cleaned it; this also finds a Chromium that died since
                    shared.clearStorage(origin == null ? Set.of() : Set.of(origin));
                } catch (WebDriverException dead) { // crashed or hung in an earlier test: start another
                    shared.quit();
                    shared = null;
                }
            }
            if (shared == null) {
                shared = Chromium.start(chromium.get(), chromedriver.get());
                Runtime.getRuntime().addShutdownHook(new Thread(shared::quit, "quit-chromium"));
            }
            sharedInUse = true;
            return new Browser(shared, false);
        }
    }

    public WebDriver driver() {
        return chromium.driver;
    }

    /**
     * Gives the shared Chromium back, emptied at once, so that a page left open (one that polls, say) sends nothing
     * more to the application; quits a Chromium of the test's own.
     */
    @Override
    public void close() {
        synchronized (Browser.class) {
            if (closed) {
                return;
            }
            closed = true;
            if (own) {
                chromium.quit();
                return;
            }
            sharedInUse = false;
            try {
                origins.addAll(chromium.originsOpen());
                chromium.clean(origins);
            } catch (WebDriverException dead) { // the next open() starts another
                chromium.quit();
                if (shared == chromium) {
                    shared = null;
                }
            }
        }
    }

    private static Optional<File> onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> new File(dir, program))
                .filter(File::canExecute)
                .findFirst();
    }

    /** One Chromium process, its ChromeDriver session and its profile directory. */
    private static final class Chromium {

        private final ChromeDriver driver;
        private final Path profile;
        private final Dimension firstSize;

        private Chromium(ChromeDriver driver, Path profile) {
            this.driver = driver;
            this.profile = profile;
            this.firstSize = driver.manage().window().getSize();
        }

        static Chromium start(File chromium, File chromedriver) {
            try {
                Path profile = Files.createTempDirectory("awarding-browser-");
                ChromeOptions options = new ChromeOptions();
                options.setBinary(chromium);
                options.addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-dev-shm-usage",
                        "--user-data-dir=" + profile);
                ChromeDriverService service = new ChromeDriverService.Builder()
                        .usingDriverExecutable(chromedriver)
                        .usingAnyFreePort()
                        .build();
                ChromeDriver driver = new ChromeDriver(service, options);
                driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
                return new Chromium(driver, profile);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The sites the open tabs show. */
        Set<String> originsOpen() {
            Set<String> open = new LinkedHashSet<>();
            for (String tab : driver.getWindowHandles()) {
                URI address = URI.create(driver.switchTo().window(tab).getCurrentUrl());
                if (("http".equals(address.getScheme()) || "https".equals(address.getScheme()))
                        && address.getHost() != null) {
                    open.add(address.getScheme() + "://" + address.getHost()
                            + (address.getPort() < 0 ? "" : ":" + address.getPort()));
                }
            }
            return open;
        }

        /**
         * A new blank tab and every other tab closed: a tab's sessionStorage goes with it, and a page's scripts
         * stop. Then no cookie anywhere and nothing stored by the given sites, and the settings a test may change.
         */
        void clean(Set<String> sites) {
            List<String> before = List.copyOf(driver.getWindowHandles());
            for (String tab : before) { // an alert left open would refuse the tab's closing
                try {
                    driver.switchTo().window(tab).switchTo().alert().dismiss();
                } catch (NoAlertPresentException none) {
                    // as expected
                }
            }
            driver.switchTo().newWindow(WindowType.TAB);
            String blank = driver.getWindowHandle();
            for (String tab : before) {
                driver.switchTo().window(tab).close();
            }
            driver.switchTo().window(blank);
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            clearStorage(sites);
            driver.manage().window().setSize(firstSize);
            driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
            driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD);
            driver.manage().timeouts().scriptTimeout(SCRIPT);
        }

        /** Deletes what the sites stored: localStorage, IndexedDB, caches, service workers, their cookies. */
        void clearStorage(Set<String> sites) {
            for (String site : sites) {
                driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", site, "storageTypes", "all"));
            }
        }

        void quit() {
            try {
                driver.quit();
            } catch (WebDriverException alreadyGone) {
                // nothing left to quit
            } finally {
                FileSystemUtils.deleteRecursively(profile.toFile());
            }
        }
    }
}
