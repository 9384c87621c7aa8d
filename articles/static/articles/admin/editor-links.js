/* Links in the article body come from the link button, or from links in pasted HTML; never
   from plain text. Tiptap's Link has a paste rule that turns any pasted text that looks like
   an address into a link ("the alternative.You do not need" became a link to
   http://alternative.You) and that rule ignores `autolink: false`, so this Link has none.
   Loaded by django-prose-editor (DJANGO_PROSE_EDITOR_EXTENSIONS in settings.py): a module's
   `Link` export takes the place of the built-in one. */
import { Link as ProseEditorLink } from "django-prose-editor/editor";

export const Link = ProseEditorLink.extend({
  addPasteRules() {
    return [];
  },
});
