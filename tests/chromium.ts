// How the tests and the benches launch Debian's Chromium (one home for both).

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Chromium's own browser UI renders the omnibox popups as WebUI pages (chrome://omnibox-popup.top-chrome/, with
 * an "AI mode" variant), each in a renderer of its own started beside every new page. On this 2-core machine a
 * trace of one list start showed that renderer busy 400 ms of the start's 450 ms. The desktop app has no such
 * browser UI, so the tests and the benches turn it off. Feature names checked on Chromium 156 by listing the
 * browser's targets (CDP Target.getTargets): with these off, a new page is the only target.
 */
const NO_BROWSER_UI = '--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxAimPopup';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', NO_BROWSER_UI];
