/*
 * The article form's "Pictures, videos, tags and section" part (templates/admin/articles/
 * article/linked.html) and the translation memory's suggestions.
 *
 * It follows the language switcher (translations.js): choosing a language shows that
 * language's inputs and suggestions only. "Use this translation" fills the suggestion into
 * its field; "Put it in the body" replaces, in that language's body editor, the paragraph
 * that still reads as the source (after "Start from the source text"), or adds it at the
 * end. Without this script every language's inputs show and the suggestions can be copied.
 */
(function () {
  "use strict";

  var editors = {};

  function normalise(text) {
    return (text || "").replace(/\s+/g, " ").trim();
  }

  function showLanguage(code, source) {
    var part = document.getElementById("nr-linked");
    if (!part) {
      return;
    }
    part.querySelectorAll("[data-nr-lang]").forEach(function (node) {
      node.hidden = !(code === source || node.getAttribute("data-nr-lang") === code);
    });
  }

  function current() {
    var pressed = document.querySelector('.nr-switcher-button[aria-pressed="true"]');
    var source = document.querySelector(".nr-switcher-button.nr-is-source");
    return {
      code: pressed ? pressed.getAttribute("data-nr-lang") : null,
      source: source ? source.getAttribute("data-nr-lang") : null,
    };
  }

  function follow() {
    var state = current();
    if (state.code) {
      showLanguage(state.code, state.source);
    }
  }

  function fillBody(code, sourceText, text) {
    var editor = editors[code];
    if (!editor) {
      return false;
    }
    var wanted = normalise(sourceText);
    var found = null;
    editor.state.doc.descendants(function (node, pos) {
      if (found === null && node.isTextblock && normalise(node.textContent) === wanted) {
        found = { from: pos + 1, to: pos + node.nodeSize - 1 };
      }
      return found === null;
    });
    var content = { type: "text", text: text };
    if (found) {
      editor.chain().focus().insertContentAt(found, content).run();
    } else {
      var end = editor.state.doc.content.size;
      editor
        .chain()
        .focus()
        .insertContentAt(end, { type: "paragraph", content: [content] })
        .run();
    }
    return true;
  }

  function use(button) {
    var text = button.getAttribute("data-text");
    var done = false;
    if (button.hasAttribute("data-target")) {
      var field = document.getElementById(button.getAttribute("data-target"));
      if (field) {
        field.value = text;
        field.dispatchEvent(new Event("input", { bubbles: true }));
        field.dispatchEvent(new Event("change", { bubbles: true }));
        field.focus();
        done = true;
      }
    } else if (button.hasAttribute("data-body")) {
      done = fillBody(button.getAttribute("data-body"), button.getAttribute("data-source"), text);
    }
    if (done) {
      var note = button.parentNode.querySelector(".nr-memory-done");
      if (!note) {
        note = document.createElement("span");
        note.className = "nr-memory-done";
        note.setAttribute("role", "status");
        button.after(note);
      }
      var config = document.getElementById("nr-linked-config");
      note.textContent = config ? JSON.parse(config.textContent).used : "";
    }
  }

  document.addEventListener("prose-editor:ready", function (event) {
    var match = /^body_(.+)$/.exec(event.detail.textarea.name || "");
    if (match) {
      editors[match[1]] = event.detail.editor;
    }
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".nr-memory-use");
    if (button) {
      event.preventDefault();
      use(button);
      return;
    }
    if (event.target.closest(".nr-switcher-button")) {
      window.setTimeout(follow, 0);
    }
  });

  function init() {
    follow();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      window.setTimeout(init, 0);
    });
  } else {
    window.setTimeout(init, 0);
  }
})();
