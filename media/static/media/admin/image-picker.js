/* Image picker: "Choose a picture" opens the library dialog (library.js) and puts the
 * chosen picture's id in the field; the thumbnail follows the id, also when typed. */
(function () {
  "use strict";
  function refresh(input) {
    var box = input.closest(".media-picker");
    var img = box && box.querySelector(".media-picker__preview");
    var clear = box && box.querySelector(".media-picker__clear");
    if (!img) return;
    var id = (input.value || "").trim();
    if (/^\d+$/.test(id) && img.dataset.thumbnailTemplate) {
      img.src = img.dataset.thumbnailTemplate.replace("/0/", "/" + id + "/");
      img.hidden = false;
    } else {
      img.hidden = true;
      img.removeAttribute("src");
    }
    if (clear) clear.hidden = !id;
  }
  document.addEventListener("input", function (e) {
    if (e.target.classList && e.target.classList.contains("media-image-picker")) refresh(e.target);
  });
  document.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest(".media-picker__choose, .media-picker__clear");
    if (!button) return;
    var input = button.closest(".media-picker").querySelector("input.media-image-picker");
    if (button.classList.contains("media-picker__clear")) {
      input.value = "";
      refresh(input);
      input.focus();
      return;
    }
    if (!window.newsroomLibrary) return;
    window.newsroomLibrary.open("image", function (item) {
      input.value = String(item.id);
      refresh(input);
      input.dispatchEvent(new Event("change", { bubbles: true }));
      button.focus();
    });
  });
})();
