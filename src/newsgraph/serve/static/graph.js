// Network graph (drawn on the server as SVG): hovering a node lights its links and neighbours.
(function () {
  "use strict";
  document.querySelectorAll("svg.network").forEach((svg) => {
    const edges = Array.from(svg.querySelectorAll(".edge"));
    const nodes = Array.from(svg.querySelectorAll(".node"));
    nodes.forEach((node) => {
      const code = node.getAttribute("data-code");
      node.addEventListener("mouseenter", () => {
        const near = new Set([code]);
        edges.forEach((e) => {
          const a = e.getAttribute("data-a"), b = e.getAttribute("data-b");
          const lit = a === code || b === code;
          e.classList.toggle("lit", lit);
          if (lit) { near.add(a); near.add(b); }
        });
        nodes.forEach((n) => n.classList.toggle("lit", near.has(n.getAttribute("data-code"))));
        svg.classList.add("dim");
      });
      node.addEventListener("mouseleave", () => svg.classList.remove("dim"));
    });
  });
})();
