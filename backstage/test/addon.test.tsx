// The addon in Backstage's own TechDocs reader (TechDocsAddonTester renders the real
// TechDocsReaderPage: it fetches the page through techdocsStorageApi, sanitises and transforms
// it, and draws it into a shadow root). The pages are what techdocs-core builds of a handbook
// (test/fixtures/, kept current by tests/test_techdocs.py in the Python suite).
import { readFileSync } from 'fs';
import { join } from 'path';
import { cleanup, fireEvent, waitFor } from '@testing-library/react';
import { TechDocsAddonTester } from '@backstage/plugin-techdocs-addons-test-utils';
import { techdocsStorageApiRef } from '@backstage/plugin-techdocs-react';
import { configApiRef, createApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { ConfigReader } from '@backstage/config';
import { SremgrChecklists, storageSuffix } from '../src';
import { NOTICES } from '../src/core/sremgr-core';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const PAGES: Record<string, string> = {
  'handbook/alpha/': fixture('alpha.html'),
  'handbook/dashboard/': fixture('dashboard.html'),
};
const MANIFEST = fixture('manifest.json');
const SITE_KEY = 'sremgr:v1:payments-sre-handbook';
const ORIGIN = 'https://backstage.example.com/api/techdocs';

type Entity = { kind: string; namespace: string; name: string };
/** A documented entity of its own for each test: the core keeps a store per storage key for
 * the page's life, and jest keeps one page for the whole file. */
let serial = 0;
const entity = (name: string): Entity => ({ kind: 'component', namespace: 'default', name: `${name}-${++serial}` });
let PAYMENTS: Entity;
let LEDGER: Entity;

/** Everything the page asked the network for, through the app's fetchApi. */
let requested: string[] = [];
/** The pages the reader fetched (through getEntityDocs), in order. */
let docsAsked: string[] = [];

/** TechDocs' storage API as TechDocsStorageClient answers: pages and static files under
 * `<origin>/static/docs/<namespace>/<kind>/<name>/`. */
const storageApi = {
  getApiOrigin: async () => ORIGIN,
  getStorageUrl: async () => `${ORIGIN}/static/docs`,
  getBuilder: async () => 'external',
  syncEntityDocs: async () => 'cached' as const,
  getEntityDocs: async (_entity: Entity, path: string) => {
    docsAsked.push(path);
    const page = PAGES[path.replace(/\/?$/, '/')];
    if (page === undefined) throw new Error(`no page ${path}`);
    return page;
  },
  getBaseUrl: async (old: string, entity: Entity, path: string) => {
    const base = `${ORIGIN}/static/docs/${entity.namespace}/${entity.kind}/${entity.name}/${path}`;
    return new URL(old, base.endsWith('/') ? base : `${base}/`).toString();
  },
};

/** Where the reader itself refreshes its cookie for TechDocs' static files. */
const COOKIE = `${ORIGIN}/.backstage/auth/v1/cookie`;

/** The app's fetchApi: serves each entity's manifest.json from TechDocs' static route, and
 * the reader's cookie. */
let manifests: Record<string, string> = {};
const fetchApi = {
  fetch: async (input: RequestInfo | URL) => {
    const url = String(input);
    requested.push(url);
    const cookie = JSON.stringify({ expiresAt: new Date(Date.now() + 600_000).toISOString() });
    const body = url === COOKIE ? cookie : manifests[url];
    return {
      ok: body !== undefined,
      status: body === undefined ? 404 : 200,
      json: async () => JSON.parse(body ?? 'null'),
      text: async () => body ?? '',
    } as Response;
  },
};

/** The catalog, which the reader (plugin-techdocs 1.20, newer than the test utilities) asks
 * whether the docs live elsewhere; APIs are found by id, so a ref of the same id serves. */
const catalogApiRef = createApiRef<{ getEntityByRef: () => Promise<undefined> }>({
  id: 'plugin.catalog.service',
});
const catalogApi = { getEntityByRef: async () => undefined };
/** The SCM integrations, which the reader asks about the page's edit link (none configured). */
const scmIntegrationsApiRef = createApiRef<{ byUrl: () => undefined }>({
  id: 'integration.scmintegrations',
});
const scmIntegrationsApi = { byUrl: () => undefined, resolveUrl: ({ url }: { url: string }) => url };

/** The app's config: its address, which the reader strips from a link it follows in the app. */
const config = new ConfigReader({ app: { baseUrl: 'http://localhost' } });

const manifestUrl = (e: Entity) =>
  `${ORIGIN}/static/docs/${e.namespace}/${e.kind}/${e.name}/assets/sremgr/manifest.json`;

function reader(path: string, entity: Entity = PAYMENTS, addons = [<SremgrChecklists />]) {
  return TechDocsAddonTester.buildAddonsInTechDocs(addons)
    .withDom(<html />)
    .withMetadata({ site_name: 'Payments SRE handbook', site_description: '' })
    .withEntity({ kind: entity.kind, metadata: { namespace: entity.namespace, name: entity.name } })
    .withApis([
      [techdocsStorageApiRef, storageApi],
      [fetchApiRef, fetchApi],
      [catalogApiRef, catalogApi],
      [scmIntegrationsApiRef, scmIntegrationsApi],
      [configApiRef, config],
    ])
    .atPath(path);
}

/** The reader's shadow root once the page's HTML is in it. */
async function open(path: string, entity: Entity = PAYMENTS, addons?: JSX.Element[]) {
  // The browser's address, which the reader resolves the page's links against (the tester's
  // router lives in memory and leaves jsdom's location at its root).
  window.history.replaceState(null, '', `/docs/${entity.namespace}/${entity.kind}/${entity.name}/${path}`);
  const screen = await reader(path, entity, addons).renderWithEffects();
  const shadow = screen.shadowRoot as ShadowRoot;
  await waitFor(() => expect(shadow.querySelector('.sremgr[data-sremgr-storage-key]')).not.toBeNull());
  return { screen, shadow };
}

const checklist = (shadow: ShadowRoot) =>
  shadow.querySelector('.sremgr[data-sremgr-checklist="alpha"]') as HTMLElement;
const box = (shadow: ShadowRoot, item: string) =>
  shadow.getElementById(`sremgr-alpha--${item}`) as HTMLInputElement;
const overall = (shadow: ShadowRoot) =>
  shadow.querySelector('[data-sremgr-progress="alpha"] .sremgr-bar-text')?.textContent;
const stored = (entity: Entity) => JSON.parse(localStorage.getItem(SITE_KEY + storageSuffix(entity)) ?? 'null');

beforeEach(() => {
  PAYMENTS = entity('payments');
  LEDGER = entity('ledger');
  requested = [];
  docsAsked = [];
  manifests = { [manifestUrl(PAYMENTS)]: MANIFEST, [manifestUrl(LEDGER)]: MANIFEST };
  expect(Object.keys(localStorage).filter(k => k.includes(PAYMENTS.name))).toEqual([]);
});

afterEach(() => {
  // The core adds no script and asks nothing of the network but TechDocs' static route.
  expect(document.querySelectorAll('script')).toHaveLength(0);
  expect(requested.filter(url => url !== COOKIE && !url.startsWith(`${ORIGIN}/static/docs/`))).toEqual([]);
});

test('a tick is kept: the page drawn again (the addon re-rendered) shows it', async () => {
  const first = await open('handbook/alpha/');
  await waitFor(() => expect(checklist(first.shadow)).toHaveClass('sremgr-js'));
  expect(overall(first.shadow)).toBe('0 of 3 done · 0%');
  fireEvent.click(box(first.shadow, 'two'));
  await waitFor(() => expect(overall(first.shadow)).toBe('1 of 3 done · 33%'));
  expect(stored(PAYMENTS).checklists.alpha.items.two.state).toBe('done');
  cleanup(); // the reader unmounted: another visit later draws the page anew

  const again = await open('handbook/alpha/');
  await waitFor(() => expect(box(again.shadow, 'two').checked).toBe(true));
  expect(box(again.shadow, 'one').checked).toBe(false);
  expect(overall(again.shadow)).toBe('1 of 3 done · 33%');
});

test('two documented entities do not share progress', async () => {
  const payments = await open('handbook/alpha/', PAYMENTS);
  await waitFor(() => expect(checklist(payments.shadow)).toHaveClass('sremgr-js'));
  fireEvent.click(box(payments.shadow, 'one'));
  await waitFor(() => expect(overall(payments.shadow)).toBe('1 of 3 done · 33%'));
  cleanup();

  // The same handbook (the same site name, so the same storage key in the page) for another entity.
  const ledger = await open('handbook/alpha/', LEDGER);
  await waitFor(() => expect(checklist(ledger.shadow)).toHaveClass('sremgr-js'));
  expect(box(ledger.shadow, 'one').checked).toBe(false);
  expect(overall(ledger.shadow)).toBe('0 of 3 done · 0%');
  fireEvent.click(box(ledger.shadow, 'three'));
  await waitFor(() => expect(overall(ledger.shadow)).toBe('1 of 3 done · 33%'));

  expect(Object.keys(stored(PAYMENTS).checklists.alpha.items)).toEqual(['one']);
  expect(Object.keys(stored(LEDGER).checklists.alpha.items)).toEqual(['three']);
  expect(localStorage.getItem(SITE_KEY)).toBeNull(); // never the site's own key, shared by all
});

test('the dashboard draws from the manifest, read through TechDocs static-file route', async () => {
  const page = await open('handbook/alpha/');
  await waitFor(() => expect(checklist(page.shadow)).toHaveClass('sremgr-js'));
  fireEvent.click(box(page.shadow, 'one'));
  fireEvent.click(box(page.shadow, 'two'));
  cleanup();

  const { shadow } = await open('handbook/dashboard/');
  const dashboard = shadow.querySelector('.sremgr[data-sremgr-dashboard]') as HTMLElement;
  await waitFor(() => expect(dashboard).toHaveAttribute('data-sremgr-ready'));
  expect(requested.filter(url => url !== COOKIE)).toEqual([manifestUrl(PAYMENTS)]);
  const alpha = dashboard.querySelector('li[data-sremgr-checklist="alpha"]') as HTMLElement;
  expect(alpha).toHaveAttribute('data-sremgr-score', '67');
  expect(alpha.querySelector('.sremgr-bar-text')).toHaveTextContent('2 of 3 done · 67%');
  // Drawn from the manifest: the built-in pack's checklists are there too, not started.
  expect(dashboard.querySelector('li[data-sremgr-checklist="be-on-call"]')).toHaveAttribute('data-sremgr-score', '0');
  expect(dashboard.querySelector('.sremgr-notice')).toBeNull();
});

test('without the manifest the dashboard says so, in words', async () => {
  manifests = {};
  const { shadow } = await open('handbook/dashboard/');
  await waitFor(() =>
    expect(shadow.querySelector('[data-sremgr-notice="manifest"]')?.textContent).toMatch(/\w+ \w+/),
  );
  expect(shadow.querySelector('[data-sremgr-notice="manifest"]')?.textContent).not.toContain('dash.');
});

test('damaged progress is moved aside, and the rare notice says so in words', async () => {
  localStorage.setItem(SITE_KEY + storageSuffix(PAYMENTS), '{not json');
  const { shadow } = await open('handbook/alpha/');
  const notice = await waitFor(() => {
    const el = shadow.querySelector('[data-sremgr-notice="moved"]');
    expect(el).not.toBeNull();
    return el as HTMLElement;
  });
  // The notice's own text (the page would load it from sremgr-notices.js), not a fallback.
  const [before, after] = String(NOTICES['notice.moved']).split(/\{name\}/);
  expect(notice.textContent?.startsWith(before)).toBe(true);
  expect(notice.textContent?.endsWith(after)).toBe(true);
  const backups = Object.keys(localStorage).filter(k => k.startsWith(`${SITE_KEY + storageSuffix(PAYMENTS)}:backup:`));
  expect(backups).toHaveLength(1);
  expect(localStorage.getItem(backups[0])).toBe('{not json');
});

test('export and import: the file carries the entity’s key and comes back in', async () => {
  const page = await open('handbook/alpha/');
  await waitFor(() => expect(checklist(page.shadow)).toHaveClass('sremgr-js'));
  fireEvent.click(box(page.shadow, 'three'));
  cleanup();

  const saved: Blob[] = [];
  URL.createObjectURL = (blob: Blob) => (saved.push(blob), 'blob:sremgr');
  URL.revokeObjectURL = () => {};
  const { shadow } = await open('handbook/dashboard/');
  const dashboard = shadow.querySelector('.sremgr[data-sremgr-dashboard]') as HTMLElement;
  await waitFor(() => expect(dashboard).toHaveAttribute('data-sremgr-ready'));
  fireEvent.click(dashboard.querySelector('[data-sremgr-action="export"]') as HTMLElement);
  expect(saved).toHaveLength(1);
  const file = JSON.parse(await saved[0].text());
  expect(file.storage_key).toBe(SITE_KEY + storageSuffix(PAYMENTS));
  expect(Object.keys(file.data.checklists.alpha.items)).toEqual(['three']);

  // Progress lost, then the exported file imported: the tick is back.
  localStorage.removeItem(SITE_KEY + storageSuffix(PAYMENTS));
  const picker = dashboard.querySelector('input[type="file"]') as HTMLInputElement;
  const text = JSON.stringify(file);
  const upload = new File([text], 'progress.json', { type: 'application/json' });
  Object.defineProperty(picker, 'files', { value: [upload], configurable: true });
  fireEvent.change(picker);
  const replace = await waitFor(() => {
    const buttons = Array.from(dashboard.querySelectorAll('.sremgr-panel button'));
    expect(buttons.length).toBeGreaterThan(1);
    return buttons[0] as HTMLElement; // "Merge"
  });
  fireEvent.click(replace);
  await waitFor(() => expect(stored(PAYMENTS)?.checklists.alpha.items.three.state).toBe('done'));
});

test('in-app navigation between TechDocs pages binds each page once', async () => {
  const { shadow } = await open('handbook/alpha/');
  await waitFor(() => expect(checklist(shadow)).toHaveClass('sremgr-js'));
  const link = (to: string) =>
    Array.from(shadow.querySelectorAll('a')).find(a => a.getAttribute('href')?.endsWith(to)) as HTMLElement;

  fireEvent.click(link('/handbook/dashboard/'));
  const dashboard = () => shadow.querySelector('.sremgr[data-sremgr-dashboard]') as HTMLElement;
  await waitFor(() => expect(dashboard()).toHaveAttribute('data-sremgr-ready'));
  expect(dashboard().querySelectorAll(':scope > .sremgr-notices')).toHaveLength(1);
  expect(checklist(shadow)).toBeNull(); // the page before is gone from the shadow root
  fireEvent.click(link('/handbook/alpha/'));
  await waitFor(() => expect(checklist(shadow)).toHaveClass('sremgr-js'));
  // In-app navigation, not a page load: the reader fetched each page into the same shadow root.
  expect(docsAsked).toEqual(['handbook/alpha/', 'handbook/dashboard/', 'handbook/alpha/']);
  // One bind: one notice area and one live region (each bind adds its own).
  const root = checklist(shadow);
  expect(root.querySelectorAll(':scope > .sremgr-notices')).toHaveLength(1);
  expect(root.querySelectorAll(':scope > .sremgr-live')).toHaveLength(1);
  fireEvent.click(box(shadow, 'one'));
  await waitFor(() => expect(overall(shadow)).toBe('1 of 3 done · 33%'));
  expect(box(shadow, 'one').checked).toBe(true);
  expect(stored(PAYMENTS).checklists.alpha.items.one.state).toBe('done');
});

test('without the addon the page stays a read-only list', async () => {
  const { shadow } = await open('handbook/alpha/', PAYMENTS, []);
  const root = checklist(shadow);
  expect(root).not.toHaveClass('sremgr-js');
  expect(root).not.toHaveAttribute('data-sremgr-bound');
  expect(root.querySelector('.sremgr-nojs')).toHaveTextContent(/JavaScript/);
  expect(shadow.querySelectorAll('li[data-sremgr-item] label')).toHaveLength(3);
  fireEvent.click(box(shadow, 'one'));
  expect(Object.keys(localStorage).filter(k => k.includes(PAYMENTS.name))).toEqual([]);
});
