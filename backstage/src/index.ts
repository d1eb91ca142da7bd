// A Backstage TechDocs addon for handbooks built with mkdocs-sremgr: the checklists and the
// dashboard work in the portal as on the site itself. Add <SremgrChecklists /> inside
// <TechDocsAddons> in the app's TechDocs routes (README.md).
import { createPlugin } from '@backstage/core-plugin-api';
import {
  TechDocsAddonLocations,
  createTechDocsAddonExtension,
} from '@backstage/plugin-techdocs-react';
import { SremgrAddon } from './SremgrAddon';

/** The plugin that provides the addon (it has no routes or APIs of its own). */
export const sremgrTechDocsPlugin = createPlugin({ id: 'techdocs-addon-sremgr' });

/**
 * Binds mkdocs-sremgr's checklists and dashboard in every TechDocs page; renders nothing
 * itself (a `Content` addon works on the page's own DOM).
 */
export const SremgrChecklists = sremgrTechDocsPlugin.provide(
  createTechDocsAddonExtension({
    name: 'SremgrChecklists',
    location: TechDocsAddonLocations.Content,
    component: SremgrAddon,
  }),
);

export { MANIFEST, SremgrAddon, storageSuffix } from './SremgrAddon';
export type { EntityName } from './SremgrAddon';
