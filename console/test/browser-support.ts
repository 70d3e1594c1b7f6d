/**
 * Browser test support: Debian's Chromium driven by playwright-core (no browser download), axe-core
 * injected into each page (the CSP is bypassed for the test's own script only), and screenshots
 * of each screen for docs/console/ when CONSOLE_SCREENSHOTS_DIR is set.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadConfig, testEnv } from '@reconnect/config';
import { chromium, type Browser, type Page } from 'playwright-core';

const env = loadConfig(testEnv);
export const CHROMIUM = env.CHROMIUM_PATH;
export const chromiumFound = existsSync(CHROMIUM);
/** In CI a missing browser is a failure, never a silent skip. */
export const mustRun = Boolean(env.CI);
export const SKIP_MESSAGE = `console browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`;

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Every WCAG 2.2 AA rule axe has, on the page as it is now; answers the violations. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) {
    await page.addScriptTag({ content: axeSource });
  }
  const result = (await page.evaluate(
    `axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] })`,
  )) as { violations: AxeViolation[] };
  return result.violations;
}

/** Pages checked with axe in this run, with their violation count (for the report). */
export const axeLog: { screen: string; violations: number }[] = [];

const screenshotDir = env.CONSOLE_SCREENSHOTS_DIR;

/** Checks the page with axe (zero violations expected) and, when asked, saves its screenshot. */
export async function checkScreen(page: Page, screen: string): Promise<AxeViolation[]> {
  const violations = await axe(page);
  axeLog.push({ screen, violations: violations.length });
  if (screenshotDir) {
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: join(screenshotDir, `${screen}.png`), fullPage: true });
  }
  return violations;
}

/** A readable summary of violations for an assertion message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    .join('\n');
}
