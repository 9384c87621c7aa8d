/* The article body's placement node: a picture or video from the library, placed at the
 * cursor, shown with its thumbnail, moved (drag, or cut and paste) and deleted like any
 * other block. In the HTML it is a reference, <figure data-placement="KEY"></figure>;
 * KEY names the item ("image-12", "embed-3", "image-12-2" for a second copy), and the
 * server makes the article's Placement from it on save (articles/placements.py).
 *
 * Loaded by django-prose-editor's configurable preset (settings.DJANGO_PROSE_EDITOR_EXTENSIONS);
 * options come from BODY_EXTENSIONS["Placement"] in articles/models.py. No inline script.
 */
import { Node } from "django-prose-editor/editor"

const KEY = /^(image|embed)-([1-9][0-9]*)(?:-[1-9][0-9]*)?$/

function keysIn(doc, type) {
  const keys = new Set()
  doc.descendants((node) => {
    if (node.type === type && node.attrs.key) keys.add(node.attrs.key)
  })
  return keys
}

function newKey(kind, id, taken) {
  let key = `${kind}-${id}`
  for (let n = 2; taken.has(key); n++) key = `${kind}-${id}-${n}`
  return key
}

/* The picture desk's library opens in an in-page dialog (media/admin/library.js), never a
 * pop-up window: search, thumbnails, and an upload (or a video's address) inside it. */
function chooseFromLibrary(kind, callback) {
  if (window.newsroomLibrary) {
    window.newsroomLibrary.open(kind, (item) => callback(String(item.id)))
  }
}

export const Placement = Node.create({
  name: "placement",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return {
      thumbnailUrl: "",
      labels: {
        insertImage: "Insert picture",
        insertEmbed: "Insert video or link",
        image: "Picture",
        embed: "Video or link",
      },
    }
  },

  addAttributes() {
    return {
      key: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-placement"),
        renderHTML: (attributes) => ({ "data-placement": attributes.key }),
      },
    }
  },

  parseHTML() {
    return [
      {
        tag: "figure[data-placement]",
        getAttrs: (element) => (KEY.test(element.getAttribute("data-placement") || "") ? null : false),
      },
    ]
  },

  renderHTML({ HTMLAttributes }) {
    return ["figure", { "data-placement": HTMLAttributes["data-placement"] }]
  },

  addNodeView() {
    const options = this.options
    return ({ node }) => {
      const dom = document.createElement("figure")
      dom.className = "nr-placement-node"
      dom.setAttribute("data-placement", node.attrs.key)
      dom.contentEditable = "false"
      const match = KEY.exec(node.attrs.key || "")
      const kind = match ? match[1] : "image"
      if (match && kind === "image" && options.thumbnailUrl) {
        const img = document.createElement("img")
        img.src = options.thumbnailUrl.replace("/0/", `/${match[2]}/`)
        img.alt = ""
        img.width = 80
        img.height = 80
        img.draggable = false
        dom.append(img)
      } else {
        const icon = document.createElement("span")
        icon.className = "nr-placement-node__icon material-icons"
        icon.setAttribute("aria-hidden", "true")
        icon.textContent = "smart_display"
        dom.append(icon)
      }
      const label = document.createElement("span")
      label.className = "nr-placement-node__label"
      label.textContent = `${options.labels[kind] || kind} (${node.attrs.key})`
      dom.append(label)
      return { dom }
    }
  },

  addCommands() {
    return {
      insertPlacement:
        (kind, id) =>
        ({ state, commands }) => {
          const key = newKey(kind, id, keysIn(state.doc, state.schema.nodes[this.name]))
          return commands.insertContent({ type: this.name, attrs: { key } })
        },
    }
  },

  addMenuItems({ buttons, menu }) {
    const options = this.options
    const choose = (editor, kind) => {
      chooseFromLibrary(kind, (id) => editor.chain().focus().insertPlacement(kind, id).run())
    }
    menu.defineItem({
      name: "placementImage",
      groups: "nodes",
      command: (editor) => choose(editor, "image"),
      button: buttons.material("add_photo_alternate", options.labels.insertImage),
    })
    menu.defineItem({
      name: "placementEmbed",
      groups: "nodes",
      command: (editor) => choose(editor, "embed"),
      button: buttons.material("smart_display", options.labels.insertEmbed),
    })
  },
})
