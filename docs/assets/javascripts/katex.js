// Math with the self-hosted KaTeX (pymdownx.arithmatex, generic mode), on the pages that
// have math (the build links this script only there: tools/hook_light_pages.py). KaTeX is
// fetched when the first formula comes within a screen of the view, and each formula is
// typeset as it comes near: a chapter whose math is further down costs a first view
// nothing (it was a long task on a phone as the page loaded).
(() => {
  const base = new URL("../vendor/katex/", document.currentScript.src);
  const delimiters = [
    { left: "$$", right: "$$", display: true },
    { left: "$", right: "$", display: false },
    { left: "\\(", right: "\\)", display: false },
    { left: "\\[", right: "\\]", display: true },
  ];
  const script = (name) =>
    new Promise((resolve, reject) => {
      const tag = document.createElement("script");
      tag.src = new URL(name, base).href;
      tag.onload = resolve;
      tag.onerror = reject;
      document.head.append(tag);
    });
  const style = () =>
    new Promise((resolve, reject) => {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = new URL("katex.min.css", base).href;
      link.onload = resolve;
      link.onerror = reject;
      document.head.append(link);
    });
  let ready;
  // The stylesheet comes with the scripts (not in the page's head, where it held up the
  // first paint of every page with math); a formula is typeset once both are in.
  const load = () =>
    (ready ||= Promise.all([
      style(),
      script("katex.min.js").then(() => script("contrib/auto-render.min.js")),
    ]));
  const typeset = (boxes) => boxes.forEach((box) => renderMathInElement(box, { delimiters }));
  if (!("IntersectionObserver" in window)) {
    document$.subscribe(({ body }) => load().then(() => typeset([body])));
    return;
  }
  const seen = new IntersectionObserver(
    (entries) => {
      const near = entries.filter((e) => e.isIntersecting).map((e) => e.target);
      near.forEach((box) => seen.unobserve(box));
      if (near.length) load().then(() => typeset(near));
    },
    { rootMargin: "100% 0px" },
  );
  document$.subscribe(({ body }) =>
    body.querySelectorAll(".arithmatex").forEach((box) => seen.observe(box)),
  );
})();
