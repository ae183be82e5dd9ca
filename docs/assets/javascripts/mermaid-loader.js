// Diagrams with the self-hosted Mermaid, on the pages that have one (the build links this
// script only there: tools/hook_light_pages.py). Material renders each diagram with the
// global `mermaid`, and fetches Mermaid from unpkg.com when there is none: this stands in
// for it, and imports the ES module build from assets/vendor/mermaid/ (it fetches only the
// chunks the page's diagram types need) once a diagram comes within a screen of the view.
(() => {
  const src = new URL("../vendor/mermaid/mermaid.esm.min.mjs", document.currentScript.src);
  let settings = {};
  let ready;
  const near = () =>
    new Promise((resolve) => {
      const wrapped = document.querySelectorAll(".diagram-scroll"); // tools/hooks.py
      const boxes = wrapped.length ? wrapped : document.querySelectorAll("pre.mermaid");
      if (!boxes.length || !("IntersectionObserver" in window)) return resolve();
      const seen = new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) {
            seen.disconnect();
            resolve();
          }
        },
        { rootMargin: "100% 0px" },
      );
      boxes.forEach((box) => seen.observe(box));
    });
  const load = () =>
    (ready ||= near()
      .then(() => import(src.href))
      .then(({ default: mermaid }) => {
        mermaid.initialize(settings);
        return mermaid;
      }));
  window.mermaid = {
    initialize: (options) => {
      settings = options;
    },
    render: (id, text) => load().then((mermaid) => mermaid.render(id, text)),
  };
})();
