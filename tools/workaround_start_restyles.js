// Inlined in each page's head by tools/workaround_start_restyles.py: it says why.
(() => {
  const root = document.documentElement;
  root.classList.replace("no-js", "js");
  root.classList.add("js-focus-visible");
  root.setAttribute("data-js-focus-visible", "");
  const saved = __md_get("__palette");
  const scheme = saved && saved.color && saved.color.media !== "(prefers-color-scheme)"
    ? saved.color.scheme : matchMedia("(prefers-color-scheme: dark)").matches ? "slate" : "default";
  const meta = document.createElement("meta");
  meta.name = "color-scheme";
  meta.content = scheme === "slate" ? "dark" : "light";
  const head = document.head;
  const append = head.appendChild;
  append.call(head, meta);
  head.appendChild = function (node) {
    if (!(node instanceof HTMLMetaElement && node.name === "color-scheme")) return append.call(this, node);
    new MutationObserver(() => {
      if (node.content && node.content !== meta.content) meta.content = node.content;
    }).observe(node, { attributes: true });
    return node;
  };
})();
