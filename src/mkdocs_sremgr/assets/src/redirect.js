// mkdocs-sremgr: the page at a renamed checklist's former address (templates/sremgr/redirect.html)
// loads this file alone. It goes on to the new address keeping the fragment (`#…`), which a
// meta refresh drops: an author's link to an item or section of the old page lands on the same
// item or section of the new one. Without JavaScript the page's <noscript> meta refresh goes
// to the new page's top, and its link is always there to follow.

/**
 * The fragment as the new page names it: the anchors of items (`#sremgr-<id>--<item>-item`) and
 * sections (`#<id>--<section>`) carry the checklist's id, so they are renamed with it; any
 * other fragment is kept as it is.
 * @param {string} hash `location.hash`: "" or "#…"
 * @param {string} from the checklist's former id
 * @param {string} to its id now
 * @returns {string}
 */
export function carriedHash(hash, from, to) {
  if (!from || !to) return hash;
  for (const prefix of ["#sremgr-", "#"]) {
    if (hash.startsWith(`${prefix}${from}--`)) {
      return `${prefix}${to}--${hash.slice(prefix.length + from.length + 2)}`;
    }
  }
  return hash;
}

if (typeof document !== "undefined") {
  const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  const target = document.querySelector('link[rel="canonical"]');
  if (script && target instanceof HTMLLinkElement && target.href) {
    const { sremgrFrom = "", sremgrTo = "" } = script.dataset;
    location.replace(target.href.split("#")[0] + carriedHash(location.hash, sremgrFrom, sremgrTo));
  }
}
