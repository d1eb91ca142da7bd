// The browser core for a host that draws the plugin's pages itself rather than loading
// sremgr.js: the Backstage TechDocs addon (backstage/), whose reader drops a page's scripts and
// draws it into a shadow root. scripts/build_assets.py bundles this module into one ES module,
// backstage/src/core/sremgr-core.js, with the rare notices' English texts (NOTICES) beside it.
import "./catalog.js";

export { bindPage } from "./page.js";
export { bindDashboard } from "./dashboard/main.js";
