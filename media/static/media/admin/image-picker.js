/* Image picker: refresh the thumbnail when the chosen image id changes. */
(function () {
  "use strict";
  function refresh(input) {
    var box = input.closest(".media-picker");
    var img = box && box.querySelector(".media-picker__preview");
    if (!img) return;
    var id = (input.value || "").trim();
    if (/^\d+$/.test(id) && img.dataset.thumbnailTemplate) {
      img.src = img.dataset.thumbnailTemplate.replace("/0/", "/" + id + "/");
      img.hidden = false;
    } else {
      img.hidden = true;
      img.removeAttribute("src");
    }
  }
  document.addEventListener("input", function (e) {
    if (e.target.classList && e.target.classList.contains("media-image-picker")) refresh(e.target);
  });
  // The admin's lookup popup reports the choice through a jQuery "change" event.
  if (window.django && window.django.jQuery) {
    window.django.jQuery(document).on("change", "input.media-image-picker", function () {
      refresh(this);
    });
  }
})();
