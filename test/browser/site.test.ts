/**
 * The published site in a real browser (Debian Chromium): reading a telegram, switching views,
 * following names, filtering the list, searching in Russian across grammatical cases, and
 * accessibility checked by axe-core on every kind of page. Screenshots go to test-artifacts/.
 */
import { expect } from 'chai';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../helpers.js';
import { buildFixtureSite } from '../publish/site.js';
import { launchChromium, type LaunchedBrowser } from './chromium.js';
import { serveSite, type StaticSite } from './server.js';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page, as readable lines. */
async function axeProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the published site in Chromium', function () {
  this.timeout(120_000);
  let site: StaticSite;
  let chromium: LaunchedBrowser;
  let page: Page;
  let siteDir = '';
  const foreign: string[] = [];

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const built = await buildFixtureSite();
    siteDir = built.dir;
    expect(built.result.code, built.result.stderr).to.equal(0);
    site = await serveSite(built.outDir);
    chromium = await launchChromium();
    page = await chromium.context.newPage();
    // every request must stay on the site: no CDN, no fonts, no analytics
    page.on('request', (r) => {
      if (!r.url().startsWith(site.url) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
  });

  after(async () => {
    await chromium?.close();
    await site?.close();
    if (siteDir) rmSync(siteDir, { recursive: true, force: true });
  });

  it('goes from the index to a telegram and shows aligned paragraphs side by side', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(site.url);
    await page.screenshot({ path: join(ARTIFACTS, 'index.png'), fullPage: true });
    await page.getByRole('link', { name: 'Ciphered Telegram from Roshchin in Beijing to Filippov [Stalin]' }).click();
    await page.waitForURL(/telegrams\/wcda-113732\.html$/);
    await expect(await page.locator('h1').textContent()).to.equal('Ciphered Telegram from Roshchin in Beijing to Filippov [Stalin]');
    const original = await page.locator('#wcda-113732-ru-p6').boundingBox();
    const translation = await page.locator('#wcda-113732-en-p6').boundingBox();
    expect(original && translation, 'both paragraphs are visible').to.be.ok;
    expect(Math.abs(original!.y - translation!.y)).to.be.below(2);
    expect(translation!.x).to.be.above(original!.x + original!.width);
    await page.screenshot({ path: join(ARTIFACTS, 'telegram.png'), fullPage: true });
  });

  it('switches between both columns, the original only and the translation only', async () => {
    const ru = page.locator('#wcda-113732-ru-p1');
    const en = page.locator('#wcda-113732-en-p1');
    await page.getByText('Original only', { exact: true }).click();
    expect(await ru.isVisible()).to.equal(true);
    expect(await en.isVisible()).to.equal(false);
    await page.getByText('Translation only', { exact: true }).click();
    expect(await ru.isVisible()).to.equal(false);
    expect(await en.isVisible()).to.equal(true);
    await page.screenshot({ path: join(ARTIFACTS, 'telegram-translation-only.png'), fullPage: true });
    await page.getByText('Original and translation', { exact: true }).click();
    expect(await ru.isVisible()).to.equal(true);
    expect(await en.isVisible()).to.equal(true);
  });

  it('follows a person link to the person index entry', async () => {
    await page.locator('a.person', { hasText: 'Filippov (Joseph Stalin)' }).first().click();
    await page.waitForURL(/persons\/stalin\.html$/);
    expect(await page.locator('h1').textContent()).to.equal('Joseph Stalin');
    expect(await page.locator('.record-list a[href="../telegrams/wcda-113732.html"]').count()).to.equal(1);
    await page.screenshot({ path: join(ARTIFACTS, 'person.png'), fullPage: true });
  });

  it('stacks the columns at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(site.url + 'telegrams/wcda-113732.html');
    const original = await page.locator('#wcda-113732-ru-p6').boundingBox();
    const translation = await page.locator('#wcda-113732-en-p6').boundingBox();
    expect(translation!.y).to.be.at.least(original!.y + original!.height);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
    await page.screenshot({ path: join(ARTIFACTS, 'telegram-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('filters the list by correspondent and year without a server round trip', async () => {
    await page.goto(site.url);
    const rows = page.locator('#telegram-list tbody tr:not([hidden])');
    expect(await rows.count()).to.equal(3);
    await page.selectOption('#filter-correspondent', 'roshchin');
    expect(await rows.count()).to.equal(1);
    await page.selectOption('#filter-correspondent', '');
    await page.selectOption('#filter-year', '1949');
    expect(await rows.count()).to.equal(1);
    expect(await rows.first().locator('a').getAttribute('href')).to.equal('telegrams/wcda-114899.html');
    expect(await page.locator('#list-count').textContent()).to.equal('1 of 3 telegrams');
  });

  for (const [query, why] of [
    ['Сталина', 'finds Сталину (another case of the name)'],
    ['телеграммы', 'finds телеграмма (another case of the noun)'],
  ] as const) {
    it(`searches Russian across grammatical cases: "${query}" ${why}`, async () => {
      await page.goto(site.url + 'search/index.html');
      await page.fill('#search-query', query);
      await page.press('#search-query', 'Enter');
      await page.waitForFunction(() => /found|No telegram/.test(document.getElementById('search-status')?.textContent ?? ''));
      const links = await page.locator('#search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links).to.include('../telegrams/wcda-113732.html');
      await page.screenshot({ path: join(ARTIFACTS, `search-${query}.png`), fullPage: true });
    });
  }

  it('searches the English translation and filters by year', async () => {
    await page.goto(site.url + 'search/index.html');
    await page.waitForFunction(() => (document.getElementById('search-year') as HTMLSelectElement).options.length > 1);
    await page.fill('#search-query', 'divisions');
    await page.selectOption('#search-year', '1950');
    await page.click('button[type=submit]');
    await page.waitForFunction(() => /found|No telegram/.test(document.getElementById('search-status')?.textContent ?? ''));
    const links = await page.locator('#search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).to.deep.equal(['../telegrams/wcda-113732.html']);
  });

  it('can be used from the keyboard, with a visible focus', async () => {
    await page.goto(site.url + 'telegrams/wcda-113732.html');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).to.equal('Skip to content');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.to.equal('none');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).to.equal('#main');
    // the view switch is reachable and works with the arrow keys
    await page.focus('#view-both');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#view-original').isChecked()).to.equal(true);
  });

  it('has no serious or critical accessibility violations on any kind of page (axe-core)', async () => {
    const problems: string[] = [];
    for (const path of ['', 'telegrams/wcda-113732.html', 'telegrams/wcda-114899.html', 'persons/index.html', 'persons/stalin.html', 'places/index.html', 'places/beijing.html', 'correspondence/index.html', 'search/index.html']) {
      await page.goto(site.url + path);
      problems.push(...(await axeProblems(page)).map((p) => `${path || 'index'}: ${p}`));
    }
    await page.screenshot({ path: join(ARTIFACTS, 'search.png'), fullPage: true });
    await page.goto(site.url + 'correspondence/index.html');
    await page.screenshot({ path: join(ARTIFACTS, 'correspondence.png'), fullPage: true });
    expect(problems).to.deep.equal([]);
  });

  it('made no request outside the site', () => {
    expect(foreign).to.deep.equal([]);
  });
});
