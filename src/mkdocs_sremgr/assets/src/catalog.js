// The English catalog, built into the per-page bundle only (the dashboard adopts this one):
// main.js imports this first, so every string is there before anything is drawn.
import { catalog } from "./strings.js";
import { EN } from "./strings.generated.js";

catalog.c = EN;
