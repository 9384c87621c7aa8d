/* The byline and tags fields (articles/admin/creatable.py): select2, bundled with the admin,
 * searching through the admin's autocomplete view, with `tags: true` so that a name not
 * found can be chosen as new ("Create tag “Rotterdam”"; for an author one entry per kind,
 * "Add “Reuters” as: News agency (wire)"). The server creates them when the story is saved.
 * Chosen items keep the order they were chosen in: the first author is named first.
 * A static file, no inline script (the admin's Content-Security-Policy). */
(function () {
  "use strict";
  var $ = window.django && window.django.jQuery;
  if (!$ || !$.fn.select2) {
    return;
  }

  function fill(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_all, key) {
      return values[key] === undefined ? "" : values[key];
    });
  }

  function start(select) {
    var kinds = JSON.parse(select.dataset.kinds || "[]");
    var labels = JSON.parse(select.dataset.labels || "{}");
    var $select = $(select);
    $select.select2({
      tags: true,
      multiple: true,
      // Tags can be typed as a list ("Floods, Rotterdam,"); an author needs a kind chosen.
      tokenSeparators: kinds.length ? [] : [","],
      width: "100%",
      dir: document.documentElement.dir || "ltr",
      language: select.getAttribute("lang") || undefined,
      ajax: {
        data: function (params) {
          return {
            term: params.term,
            page: params.page,
            app_label: select.dataset.appLabel,
            model_name: select.dataset.modelName,
            field_name: select.dataset.fieldName,
          };
        },
      },
      createTag: function (params) {
        var name = (params.term || "").replace(/\s+/g, " ").trim();
        return name ? { id: "new:" + name, text: name, newName: name } : null;
      },
      insertTag: function (data, tag) {
        // After what was found: an existing name is the first choice, never a new copy.
        var lower = tag.newName.toLowerCase();
        var exact = data.some(function (item) {
          return (item.text || "").toLowerCase() === lower;
        });
        if (exact) return;
        if (!kinds.length) {
          data.push(tag);
          return;
        }
        kinds.forEach(function (kind) {
          data.push({
            id: "new:" + kind[0] + ":" + tag.newName,
            text: tag.newName + " (" + kind[1] + ")",
            newName: tag.newName,
            kindLabel: kind[1],
          });
        });
      },
      templateResult: function (item) {
        if (!item.newName) return item.text;
        var text = fill(labels.create || "%(name)s", { name: item.newName, kind: item.kindLabel });
        return $("<span class='nr-creatable-new'></span>").text(text);
      },
    });
    // Options are sent in document order: move the one just chosen to the end.
    $select.on("select2:select", function (event) {
      var id = event.params.data.id;
      var option = Array.prototype.find.call(select.options, function (o) {
        return o.value === id;
      });
      if (option) {
        select.appendChild(option);
        $select.trigger("change.select2");
      }
    });
  }

  $(function () {
    document.querySelectorAll("select.nr-creatable").forEach(function (select) {
      if (!select.disabled) start(select);
    });
  });
})();
