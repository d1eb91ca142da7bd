// The dashboard's part of the English catalog (strings.generated.js, written from en.json by
// scripts/build_assets.py): it ships with the dashboard's code, so the per-page bundle stays small.
import { extend } from "../strings.js";
import { EN_DASHBOARD } from "./strings.generated.js";

extend(EN_DASHBOARD);
