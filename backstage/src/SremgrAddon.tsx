// The addon: finds mkdocs-sremgr's checklists and dashboard in the TechDocs page (inside the
// reader's shadow root) and binds the plugin's own browser core to them, as sremgr.js does on
// the site itself. Everything the core needs comes through TechDocs: the manifest from its
// static-file route (techdocsStorageApi.getBaseUrl, fetched with the app's fetchApi, as the
// reader fetches the pages), the dashboard's code and the notices' texts from this package.
import { useEffect, useMemo } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { fetchApiRef, useApi } from '@backstage/core-plugin-api';
import {
  techdocsStorageApiRef,
  useShadowRoot,
  useShadowRootElements,
  useTechDocsReaderPage,
} from '@backstage/plugin-techdocs-react';
import { NOTICES, bindDashboard, bindPage, type Options } from './core/sremgr-core';

/** The plugin's roots: a checklist or a dashboard, each naming its storage key. */
const ROOTS = ['.sremgr[data-sremgr-storage-key]'];
/** Where the plugin publishes its manifest, from the site's root (publish.py's ASSET_DIR). */
export const MANIFEST = 'assets/sremgr/manifest.json';

/** The part of an entity reference that names it: kind, namespace, name. */
export type EntityName = { kind: string; namespace: string; name: string };

/**
 * What is added to the site's storage key: the documented entity, so two handbooks in one
 * portal (even two built from the same site name) keep their progress apart. Entity
 * references are case-insensitive in Backstage, hence lower case.
 */
export function storageSuffix(entity: EntityName): string {
  return `@${entity.kind}:${entity.namespace}/${entity.name}`.toLocaleLowerCase('en-US');
}

/** The manifest's shape, as the page's own loader checks it (main.js). */
function checked(manifest: unknown): unknown {
  const m = manifest as { checklists?: unknown } | null;
  if (!m || !Array.isArray(m.checklists)) throw new Error('manifest');
  return m;
}

export function SremgrAddon(): null {
  const { entityRef } = useTechDocsReaderPage();
  const shadowRoot = useShadowRoot();
  // Re-rendered by the hook whenever the reader swaps the page in the shadow root (in-app
  // navigation); roots already bound carry data-sremgr-bound and are left alone.
  const unbound = useShadowRootElements(ROOTS).filter(
    root => !root.hasAttribute('data-sremgr-bound'),
  ).length;
  const storage = useApi(techdocsStorageApiRef);
  const fetchApi = useApi(fetchApiRef);
  // The reader's route is `…/:namespace/:kind/:name/*`: the site's root is the location
  // without the page's own path.
  const page = useParams()['*'] ?? '';
  const { pathname } = useLocation();
  const base = useMemo(
    () =>
      new URL(pathname.slice(0, pathname.length - page.length), window.location.href).href,
    [pathname, page],
  );
  const { kind, namespace, name } = entityRef;
  useEffect(() => {
    if (!shadowRoot || !unbound) return;
    /** Loaded once per bind, and again after a failure. */
    let manifest: Promise<unknown> | null = null;
    const options: Options = {
      suffix: storageSuffix({ kind, namespace, name }),
      manifest: () => {
        manifest ??= storage
          .getBaseUrl(MANIFEST, { kind, namespace, name }, '')
          .then(url => fetchApi.fetch(url))
          .then(response => {
            if (!response.ok) throw new Error(`manifest: HTTP ${response.status}`);
            return response.json();
          })
          .then(checked);
        manifest.catch(() => {
          manifest = null;
        });
        return manifest;
      },
      dashboard: () => Promise.resolve(bindDashboard),
      notices: () => Promise.resolve(NOTICES),
      base,
    };
    bindPage(shadowRoot, options);
  }, [shadowRoot, unbound, kind, namespace, name, storage, fetchApi, base]);
  return null;
}
