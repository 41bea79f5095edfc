package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * The browser tests share one Chromium (ADR 0158): what one test leaves in it must not reach the next. A page of a
 * site of the test's own stores what the application's pages could store, then the browser is handed over.
 */
class BrowserIsolationTest {

    private static HttpServer site;
    private static String origin;

    @BeforeAll
    static void serve() throws IOException {
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", exchange -> {
            byte[] page = "<!doctype html><title>A page</title><h1>A page</h1>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        site.start();
        origin = "http://localhost:" + site.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        site.stop(0);
    }

    @Test
    void givenATestLeftStorageCookiesTabsAndASize_whenTheNextOpens_thenItFindsNoneOfThem() {
        Dimension first;
        try (Browser earlier = Browser.open()) {
            WebDriver page = earlier.driver();
            first = page.manage().window().getSize();
            page.get(origin + "/");
            script(
                    page,
                    "sessionStorage.setItem('awarding.session', 'a token');"
                            + "localStorage.setItem('authorized', 'a token');"
                            + "document.cookie = 'session=a-token; path=/';");
            page.manage().window().setSize(new Dimension(390, 844));
            page.switchTo().newWindow(WindowType.TAB).get(origin + "/second");
            page.manage().timeouts().implicitlyWait(Duration.ZERO);
        }

        try (Browser later = Browser.open()) {
            WebDriver page = later.driver();
            assertThat(page.getWindowHandles()).hasSize(1);
            assertThat(page.getCurrentUrl()).isEqualTo("about:blank");
            assertThat(page.manage().window().getSize()).isEqualTo(first);
            assertThat(page.manage().timeouts().getImplicitWaitTimeout()).isEqualTo(Duration.ofSeconds(5));
            page.get(origin + "/");
            assertThat(script(page, "return sessionStorage.length + localStorage.length;"))
                    .isEqualTo(0L);
            assertThat(script(page, "return document.cookie;")).isEqualTo("");
            assertThat(page.manage().getCookies()).isEmpty();
        }
    }

    @Test
    void givenTheSharedBrowserHeld_whenASecondIsOpened_thenItIsAChromiumOfItsOwn() {
        try (Browser first = Browser.open();
                Browser second = Browser.open()) {
            first.driver().get(origin + "/");
            script(first.driver(), "localStorage.setItem('who', 'first');");
            second.driver().get(origin + "/");
            assertThat(((RemoteWebDriver) second.driver()).getSessionId())
                    .isNotEqualTo(((RemoteWebDriver) first.driver()).getSessionId());
            assertThat(script(second.driver(), "return localStorage.getItem('who');"))
                    .isNull();
        }
        try (Browser again = Browser.open()) { // the second's close quit only its own Chromium
            again.driver().get(origin + "/");
            assertThat(script(again.driver(), "return localStorage.getItem('who');"))
                    .isNull();
        }
    }

    private static Object script(WebDriver page, String script) {
        return ((JavascriptExecutor) page).executeScript(script);
    }
}
