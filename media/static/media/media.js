/* Picture desk: load an embed's player only when the reader asks for it. */
(function () {
  "use strict";
  if (window.newsroomMediaReady) return; // included more than once on a page
  window.newsroomMediaReady = true;

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".embed__placeholder");
    if (!link) return;
    var box = link.closest("[data-embed-src]");
    if (!box || !box.dataset.embedSrc) return;
    event.preventDefault();
    var frame = document.createElement("iframe");
    frame.src = box.dataset.embedSrc;
    frame.title = box.dataset.embedTitle || "";
    if (box.dataset.embedLang) {
      frame.lang = box.dataset.embedLang; // a title in another language than the page's
    }
    frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    box.replaceChildren(frame);
    frame.focus();
  });
})();
