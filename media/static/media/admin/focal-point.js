/* Focal point: click the picture to set focal_x / focal_y (fractions of width and height). */
(function () {
  "use strict";
  function place(picker, x, y) {
    var marker = picker.querySelector(".focal-picker__marker");
    marker.style.left = (x * 100) + "%";
    marker.style.top = (y * 100) + "%";
  }
  function init() {
    document.querySelectorAll(".focal-picker").forEach(function (picker) {
      var fx = document.getElementById("id_focal_x");
      var fy = document.getElementById("id_focal_y");
      place(picker, parseFloat(picker.dataset.focalX), parseFloat(picker.dataset.focalY));
      picker.querySelector("img").addEventListener("click", function (event) {
        var rect = event.target.getBoundingClientRect();
        var x = Math.min(Math.max((event.clientX - rect.left) / rect.width, 0), 1);
        var y = Math.min(Math.max((event.clientY - rect.top) / rect.height, 0), 1);
        x = Math.round(x * 1000) / 1000;
        y = Math.round(y * 1000) / 1000;
        if (fx) fx.value = x;
        if (fy) fy.value = y;
        place(picker, x, y);
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
