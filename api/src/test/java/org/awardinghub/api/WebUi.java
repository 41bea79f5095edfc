package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in headless Chromium, as a person uses it: pages reached through links and the menu, fields found by
 * their labels, buttons by their words. Screenshots go to {@code target/screenshots}.
 */
public final class WebUi implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(15);

    /**
     * Whether an element is shown, close enough to Selenium's own judgement for the application's pages: laid out (not
     * inside anything {@code display: none}, a closed dialog say) and not hidden. Looking in the page's own script
     * is one exchange with the browser, where asking Selenium element by element is three per label or button.
     */
    private static final String SHOWN =
            "const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';";

    private final Browser browser;
    private final WebDriver page;
    private final String base;

    private WebUi(Browser browser, int port) {
        this.browser = browser;
        this.page = browser.driver();
        this.base = "http://localhost:" + port;
    }

    /**
     * A desktop-sized window (1280 px wide) of the test JVM's Chromium, as no test has used it ({@link Browser});
     * skipped where Chromium is not installed.
     */
    public static WebUi open(int port) {
        Browser browser = Browser.open("http://localhost:" + port);
        try {
            WebUi ui = new WebUi(browser, port);
            ui.page.manage().window().setSize(new Dimension(1280, 900));
            return ui;
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    public WebDriver driver() {
        return page;
    }

    /** Opens a path of the application, e.g. "/" or "/#/centres". */
    public WebUi visit(String path) {
        page.get(base + path);
        return this;
    }

    /** Signs in through the sign-in page and waits for the home page. */
    public WebUi signIn(String pin, String password) {
        visit("/#/sign-in");
        fill("PIN", pin);
        fill("Password", password);
        press("Sign in");
        waitForHeading("Welcome");
        return this;
    }

    /** The first visible input, select or textarea whose label starts with the text. */
    public WebElement field(String label) {
        return wait(driver -> shownField(label));
    }

    private WebElement shownField(String label) {
        return (WebElement) script(
                SHOWN
                        + "for (const label of document.querySelectorAll('label')) {"
                        + "  if (label.htmlFor && shown(label) && label.innerText.trim().startsWith(arguments[0])) {"
                        + "    return document.getElementById(label.htmlFor);"
                        + "  }"
                        + "}"
                        + "return null;",
                label);
    }

    /** Types the text into the field, in place of what it held; again if the page drew the field anew meanwhile. */
    public WebUi fill(String label, String text) {
        wait(driver -> {
            WebElement input = shownField(label);
            if (input == null) {
                return null;
            }
            input.clear();
            input.sendKeys(text);
            return true;
        });
        return this;
    }

    public WebUi choose(String label, String visibleText) {
        new Select(field(label)).selectByVisibleText(visibleText);
        return this;
    }

    /** Clicks the first visible, enabled button (or link) whose words start with the text. */
    public WebUi press(String words) {
        wait(driver -> click((WebElement) script(
                SHOWN
                        + "for (const e of document.querySelectorAll('button, a')) {"
                        + "  if (!e.disabled && shown(e) && e.innerText.trim().startsWith(arguments[0])) {"
                        + "    return e;"
                        + "  }"
                        + "}"
                        + "return null;",
                words)));
        return this;
    }

    private static Boolean click(WebElement found) {
        if (found == null) {
            return null;
        }
        found.click();
        return true;
    }

    /**
     * Clicks the first visible, enabled button whose words start with {@code words} in the first table row that shows
     * the text: a queue or a list may hold other people's rows, so the test names its own.
     */
    public WebUi pressInRow(String text, String words) {
        wait(driver -> clickFirst(driver.findElements(By.xpath(rowWith(text) + "//button")), words));
        return this;
    }

    /** Clicks the first visible, enabled one whose words start with the text; null (wait on) when there is none. */
    private static Boolean clickFirst(List<WebElement> candidates, String words) {
        for (WebElement candidate : candidates) {
            if (candidate.isDisplayed()
                    && candidate.isEnabled()
                    && candidate.getText().strip().startsWith(words)) {
                candidate.click();
                return true;
            }
        }
        return null;
    }

    /** The visible text of the first table row that shows the text, once there is one. */
    public String row(String text) {
        return wait(driver -> driver.findElements(By.xpath(rowWith(text))).stream()
                .filter(WebElement::isDisplayed)
                .map(WebElement::getText)
                .findFirst()
                .orElse(null));
    }

    /** Waits until no table row shows the text: an item decided has left its queue. */
    public WebUi waitForRowGone(String text) {
        // asked in the page: Selenium's findElements waits out its implicit wait before it answers "none"
        wait(driver -> ((Number) script(
                                        "return document.evaluate(arguments[0], document, null,"
                                                + " XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null).snapshotLength;",
                                        rowWith(text)))
                                .intValue()
                        == 0
                ? true
                : null);
        return this;
    }

    private static String rowWith(String text) {
        if (text.contains("\"")) {
            throw new IllegalArgumentException("a row's text to find may not hold a double quote: " + text);
        }
        return "//tr[contains(., \"" + text + "\")]";
    }

    /** Sends the form of the dialog open now (its submit button, whatever its words). */
    public WebUi submitDialog() {
        wait(ExpectedConditions.elementToBeClickable(By.cssSelector("dialog[open] button[type=submit]")))
                .click();
        return this;
    }

    public WebUi waitForHeading(String beginning) {
        wait(ExpectedConditions.textMatches(
                By.tagName("h1"),
                java.util.regex.Pattern.compile(
                        "^" + java.util.regex.Pattern.quote(beginning) + ".*", java.util.regex.Pattern.DOTALL)));
        return this;
    }

    /** Waits until the page's text contains the text; answers the whole visible text. */
    public String waitForText(String text) {
        wait(driver -> driver.findElement(By.tagName("body")).getText().contains(text) ? true : null);
        return page.findElement(By.tagName("body")).getText();
    }

    /** Waits for the notice at the top of the page to contain the text; answers the notice. */
    public String notice(String contains) {
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), contains));
        return page.findElement(By.id("notice")).getText();
    }

    public <T> T wait(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(page, WAIT)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    public List<WebElement> all(String css) {
        return page.findElements(By.cssSelector(css));
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) page).executeScript(script, arguments);
    }

    /** Saves the visible page as target/screenshots/{name}.png. */
    public WebUi screenshot(String name) {
        try {
            Path target = Path.of("target", "screenshots");
            Files.createDirectories(target);
            Files.write(target.resolve(name + ".png"), ((TakesScreenshot) page).getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** A phone-sized window (390 px wide), to see that a page still works there. */
    public WebUi phone() {
        page.manage().window().setSize(new Dimension(390, 844));
        return this;
    }

    /** No part of the page is wider than the window: nothing needs sideways scrolling but tables' own. */
    public void assertNoSidewaysScroll() {
        Number overflow = (Number) script("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow.intValue()).as("page wider than the window").isLessThanOrEqualTo(0);
    }

    /** Presses keys on whatever has the focus, as a keyboard user does (Keys.TAB, Keys.SPACE, Keys.ARROW_DOWN...). */
    public WebUi keys(CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(page).sendKeys(keys).perform();
        return this;
    }

    /**
     * Sets a field's value as the browser's own picker would (for date and date-time inputs, whose typing order
     * depends on the locale: YYYY-MM-DD, YYYY-MM-DDTHH:MM) and tells the page it changed.
     */
    public WebUi setValue(String label, String value) {
        script(
                "arguments[0].value = arguments[1];"
                        + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                        + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                field(label),
                value);
        return this;
    }

    @Override
    public void close() {
        browser.close();
    }
}
