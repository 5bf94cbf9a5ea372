// The reader view: the EPUB in a foliate-js <foliate-view>, paginated, with its table of contents, note and
// glossary pop-ups (foliate-js's FootnoteHandler, wired as GNOME Foliate wires it: the target is shown in a
// second view inside a modal dialog) and the reader's place kept across rebuilds (the CFI, in localStorage).
import './vendor/foliate-js/view.js'
import { FootnoteHandler } from './vendor/foliate-js/footnotes.js'

const TITLES = {
  footnote: ['Note', 'Go to the note'], endnote: ['Note', 'Go to the note'], note: ['Note', 'Go to the note'],
  definition: ['Definition', 'Go to the glossary'], biblioentry: ['Bibliography', 'Go to the bibliography'],
}

const text = x => typeof x === 'string' ? x : x ? Object.values(x)[0] ?? '' : ''
// What a link points at, by its own epub:type and role, for a target that does not say (a bibliography entry
// carries no role: doc-biblioentry is deprecated)
const kindOf = a => {
  const t = `${a?.getAttributeNS?.('http://www.idpf.org/2007/ops', 'type') ?? ''} ${a?.getAttribute?.('role') ?? ''}`
  return /biblioref/.test(t) ? 'biblioentry' : /glossref/.test(t) ? 'definition' : 'note'
}

export class Reader {
  #container; #toc; #location; #dialog; #placeKey; #onOpen
  #view = null; #handler = new FootnoteHandler(); #place = null; #popupHref = null; #popupKind = 'note'

  constructor({ container, toc, location, dialog, onOpen }) {
    this.#container = container
    this.#toc = toc
    this.#location = location
    this.#dialog = dialog
    this.#onOpen = onOpen
    this.#handler.addEventListener('before-render', e => this.#beforePopup(e.detail.view))
    this.#handler.addEventListener('render', e => this.#showPopup(e.detail))
    dialog.addEventListener('close', () => {
      const v = dialog.querySelector('foliate-view')
      if (dialog.returnValue === 'go' && this.#popupHref) this.#view?.goTo(this.#popupHref)
      try { v?.close() } finally { v?.remove() }
      dialog.returnValue = ''
    })
  }

  get view() { return this.#view }

  /** Opens (or reopens, after a rebuild) the EPUB at `url`, at the reader's place; the old view stays until then. */
  async open(url, placeKey) {
    this.#placeKey = placeKey
    this.#place ??= JSON.parse(localStorage.getItem(placeKey) ?? 'null')
    const view = document.createElement('foliate-view')
    view.classList.add('opening')
    this.#container.append(view)
    try {
      await view.open(url)
      const r = view.renderer
      r.setAttribute('flow', 'paginated')
      r.setAttribute('max-inline-size', '640px')
      r.setAttribute('max-column-count', '1')
      r.setAttribute('gap', '6%')
      r.setAttribute('margin', '32px')
      view.addEventListener('relocate', e => this.#relocated(e.detail))
      view.addEventListener('load', e => e.detail.doc.addEventListener('keydown', k => this.key(k)))
      view.addEventListener('link', e => this.#link(view, e))
      await this.#goToPlace(view)
    } catch (e) {
      view.remove()
      throw e
    }
    const old = this.#view
    this.#view = view
    view.classList.remove('opening')
    if (old) { try { old.close() } finally { old.remove() } }
    this.#container.querySelector('.empty')?.remove()
    this.#renderToc(view.book.toc ?? [])
    this.#onOpen?.(view.book)
  }

  async #goToPlace(view) {
    const place = this.#place
    const sections = view.book.sections
    if (place && Number.isInteger(place.index) && place.index < sections.length) {
      // the CFI of the last page shown, if it still leads into the same section; else that section's start
      let target = place.index
      try {
        const resolved = place.cfi ? view.resolveCFI(place.cfi) : null
        if (resolved && resolved.index === place.index) {
          const doc = await sections[place.index].createDocument()
          if (resolved.anchor(doc)) target = place.cfi
        }
      } catch { /* the text changed under the CFI: the section's start will do */ }
      await view.init({ lastLocation: target })
    } else {
      await view.init({ showTextStart: false })
    }
  }

  #relocated(detail) {
    const index = detail.section?.current
    this.#place = { cfi: detail.cfi, index }
    try { localStorage.setItem(this.#placeKey, JSON.stringify(this.#place)) } catch { /* private mode: in memory only */ }
    const label = detail.tocItem?.label?.trim() ?? ''
    const percent = Math.round((detail.fraction ?? 0) * 100)
    this.#location.textContent = (label ? label + ' · ' : '') + percent + ' %'
    for (const b of this.#toc.querySelectorAll('button')) {
      if (b.dataset.href === detail.tocItem?.href) b.setAttribute('aria-current', 'location')
      else b.removeAttribute('aria-current')
    }
  }

  #link(view, e) {
    const p = this.#handler.handle(view.book, e)
    if (!p) return                                  // not a note, glossary or bibliography link: it jumps
    this.#popupHref = e.detail.href
    this.#popupKind = kindOf(e.detail.a)
    p.catch(err => {
      console.warn('pop-up failed, following the link instead', err)
      view.goTo(e.detail.href)
    })
  }

  #beforePopup(v) {
    v.addEventListener('link', e => e.preventDefault())
    v.addEventListener('external-link', e => e.preventDefault())
    this.#dialog.querySelector('.popup-body').replaceChildren(v)
    v.renderer.setAttribute('flow', 'scrolled')
    v.renderer.setAttribute('margin', '8px')
    v.renderer.setAttribute('gap', '4%')
  }

  #showPopup({ type }) {
    const [title, go] = TITLES[type] ?? TITLES[this.#popupKind]
    this.#dialog.querySelector('h2').textContent = title
    this.#dialog.querySelector('[value="go"]').textContent = go
    if (!this.#dialog.open) this.#dialog.showModal()
  }

  #renderToc(items) {
    const list = (entries) => entries.map(item => {
      const li = document.createElement('li')
      const b = document.createElement('button')
      b.type = 'button'
      b.textContent = text(item.label).trim()
      b.dataset.href = item.href
      b.addEventListener('click', () => this.#view?.goTo(item.href))
      li.append(b)
      if (item.subitems?.length) {
        const ol = document.createElement('ol')
        ol.append(...list(item.subitems))
        li.append(ol)
      }
      return li
    })
    this.#toc.replaceChildren(...list(items))
  }

  prev() { return this.#view?.goLeft() }
  next() { return this.#view?.goRight() }

  /** Arrow keys and Page Up/Down turn pages, in the page and inside the book's own documents. */
  key(e) {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return
    const t = e.target
    if (t?.closest?.('input, textarea, select, [role="tablist"], [contenteditable], dialog, #diagnostics')) return
    if (e.key === 'ArrowLeft' || e.key === 'PageUp') { e.preventDefault(); this.prev() }
    else if (e.key === 'ArrowRight' || e.key === 'PageDown') { e.preventDefault(); this.next() }
  }
}
