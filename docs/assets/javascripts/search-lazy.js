// Search costs a page view nothing until it is used. Material's bundle requests the
// search index (search/search_index.json, every language's pages) as each page loads;
// this script, loaded before the bundle, makes that request fetch the page's own
// language's index (search/search_index.<lang>.json, written by
// tools/hook_light_pages.py) and only once the reader opens search: the search box gets
// the focus (a click, a tap on the search icon, or Material's keyboard shortcuts), or the
// page is opened from search (?q=, ?h=). Until then Material shows "Initializing search".
(() => {
  const { open, send } = XMLHttpRequest.prototype;
  const lang = document.documentElement.lang;
  const waiting = new WeakSet();
  let start;
  const used = new Promise((resolve) => (start = resolve));
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    const target = new URL(String(url), location.href);
    if (lang && target.pathname.endsWith("/search/search_index.json")) {
      waiting.add(this);
      target.pathname = target.pathname.replace(/\.json$/, `.${lang}.json`);
      return open.call(this, method, target.href, ...rest);
    }
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (!waiting.has(this)) return send.apply(this, args);
    used.then(() => send.apply(this, args));
  };
  const inSearch = (e) => e.target instanceof Element && e.target.closest(".md-search, [for=__search]");
  addEventListener("focusin", (e) => inSearch(e) && start(), true);
  addEventListener("pointerdown", (e) => inSearch(e) && start(), true);
  addEventListener("change", (e) => e.target.id === "__search" && start(), true);
  // Opened with a query (?q=), or from a search result whose words Material highlights
  // on the page (?h=, the search.highlight feature: it needs the index's settings).
  const params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) start();
})();
