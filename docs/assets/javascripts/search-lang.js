// Search results in the reader's own language first. The site has one search index for
// all its languages (mkdocs-static-i18n merges them), so Material ranks the twins of a
// page side by side; this moves the results of the page's own language to the top, in
// Material's order, and leaves the others after them. Each non-default language lives
// under its own prefix ("en/"); the default one has none.
(() => {
  const list = document.querySelector(".md-search-result__list");
  if (!list || typeof __md_scope === "undefined") return;
  const lang = document.documentElement.lang;
  const root = __md_scope.pathname;
  const prefixes = [...document.querySelectorAll(".md-select__link[hreflang]")]
    .map((a) => new URL(a.href).pathname.slice(root.length).split("/")[0])
    .filter((first) => first && [...document.querySelectorAll(".md-select__link[hreflang]")]
      .some((a) => a.getAttribute("hreflang") === first))
    .map((first) => `${first}/`);
  const here = location.pathname.slice(root.length);
  const own = prefixes.find((p) => here.startsWith(p));
  const mine = (item) => {
    const link = item.querySelector("a");
    if (!link) return false;
    const path = new URL(link.href).pathname.slice(root.length);
    return own ? path.startsWith(own) : !prefixes.some((p) => path.startsWith(p));
  };
  new MutationObserver(() => {
    const items = [...list.children];
    const sorted = [...items.filter(mine), ...items.filter((i) => !mine(i))];
    if (sorted.some((item, i) => item !== items[i])) list.append(...sorted);
  }).observe(list, { childList: true });
})();
