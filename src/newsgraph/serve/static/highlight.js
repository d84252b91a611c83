// Article page: clicking a panel item marks its spans in the text (and scrolls there);
// clicking a highlighted stretch of text marks the panel items it belongs to.
(function () {
  "use strict";
  const body = document.getElementById("body");
  if (!body) return;
  const spans = Array.from(body.querySelectorAll(".hl[data-ids]"));
  const items = Array.from(document.querySelectorAll(".panel .item[data-ids]"));
  const idsOf = (el) => (el.getAttribute("data-ids") || "").split(/\s+/).filter(Boolean);

  function clear() {
    document.querySelectorAll(".active").forEach((el) => el.classList.remove("active"));
  }

  function markSpans(ids) {
    const wanted = new Set(ids);
    const hits = spans.filter((s) => idsOf(s).some((id) => wanted.has(id)));
    hits.forEach((s) => s.classList.add("active"));
    return hits;
  }

  items.forEach((item) => {
    item.addEventListener("click", (event) => {
      // real links (actor pages, sources) navigate; only in-page jumps are taken over
      const link = event.target.closest("a");
      if (link && !link.classList.contains("jump")) return;
      event.preventDefault();
      clear();
      item.classList.add("active");
      const hits = markSpans(idsOf(item));
      if (hits.length) hits[0].scrollIntoView({ behavior: "smooth", block: "center" });
    });
  });

  body.addEventListener("click", (event) => {
    const span = event.target.closest(".hl[data-ids]");
    if (!span) return;
    clear();
    const ids = new Set(idsOf(span));
    markSpans(Array.from(ids));
    const found = items.filter((it) => idsOf(it).some((id) => ids.has(id)));
    found.forEach((it) => it.classList.add("active"));
    if (found.length) found[0].scrollIntoView({ behavior: "smooth", block: "nearest" });
  });
})();
