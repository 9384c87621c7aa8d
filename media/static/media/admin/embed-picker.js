/* Embed picker (a placed item's video or link): "Choose a video or link" opens the
 * library's video dialog (library.js) and puts the chosen item's id in the field, with its
 * title beside it. Replaces the raw-id lookup, which opened a pop-up window. */
(function () {
  "use strict";
  document.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest(".media-picker__choose-embed");
    if (!button || !window.newsroomLibrary) return;
    var box = button.closest(".media-picker");
    var input = box.querySelector("input.media-embed-picker");
    var chosen = box.querySelector(".media-picker__chosen");
    window.newsroomLibrary.open("embed", function (item) {
      input.value = String(item.id);
      if (chosen) chosen.textContent = item.text;
      input.dispatchEvent(new Event("change", { bubbles: true }));
      button.focus();
    });
  });
})();
