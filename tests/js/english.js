// The English catalog as the browser has it on a dashboard page: the per-page bundle's
// (catalog.js), with the dashboard's part added through the bind call's hand-over (useStrings).
import { catalog } from "../../src/mkdocs_sremgr/assets/src/strings.js";
import "../../src/mkdocs_sremgr/assets/src/catalog.js";
import { useStrings } from "../../src/mkdocs_sremgr/assets/src/dashboard/strings.js";

useStrings(catalog);
