// Map page: hovering a place dot shows its name and counts in a small box.
(function () {
  "use strict";
  const info = document.getElementById("map-info");
  if (!info) return;
  document.querySelectorAll("svg.map .place").forEach((dot) => {
    dot.addEventListener("mouseenter", () => {
      const title = dot.querySelector("title");
      info.textContent = title ? title.textContent : dot.getAttribute("data-name");
      info.classList.add("shown");
      dot.classList.add("active");
    });
    dot.addEventListener("mouseleave", () => {
      info.classList.remove("shown");
      dot.classList.remove("active");
    });
  });
})();
