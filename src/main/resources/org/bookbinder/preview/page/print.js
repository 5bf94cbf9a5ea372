// The print view: the print edition laid out in pages by Paged.js (its @page rules, margin boxes, named pages
// and page counters), in this frame. The edition is fetched as it is and handed to Paged.js whole: its style
// elements as style sheets, its body as content. The parent page passes the edition's URL and the page to show.
const params = new URLSearchParams(location.search)
const book = params.get('book') ?? ''
const wantedPage = Math.max(1, parseInt(params.get('page') ?? '1', 10) || 1)
const status = document.getElementById('print-status')

// Paged.js 0.4.3 records whether a margin box has content per selector, and a later @page rule for the same
// box without `content` (a print.css that only styles the folio) overwrites that: the box then gets no width
// and its page number is not shown. The browser's cascade knows better: a box whose generated content is not
// `none` has content.
class MarginBoxesWithContent extends PagedModule.Handler {
  afterPageLayout(page) {
    for (const box of page.querySelectorAll('.pagedjs_margin')) {
      const content = box.querySelector('.pagedjs_margin-content')
      const value = content ? getComputedStyle(content, '::after').content : 'none'
      if (value && value !== 'none' && value !== 'normal' && value !== '""') box.classList.add('hasContent')
    }
  }
}
PagedModule.registerHandlers(MarginBoxesWithContent)

function tellParent(extra) {
  parent.postMessage({ page: currentPage(), ...extra }, location.origin)
}

function currentPage() {
  const pages = document.querySelectorAll('.pagedjs_page')
  const middle = innerHeight / 3
  for (const p of pages) {
    const r = p.getBoundingClientRect()
    if (r.bottom > middle) return parseInt(p.dataset.pageNumber, 10)
  }
  return pages.length
}

async function render() {
  if (!book.startsWith('/book/')) throw new Error('no print edition given')
  const res = await fetch(book)
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`)
  const doc = new DOMParser().parseFromString(await res.text(), 'text/html')
  document.documentElement.lang = doc.documentElement.lang
  const styles = [...doc.querySelectorAll('style')].map(s => ({ [new URL(book, location.href).href]: s.textContent }))
  const content = document.createDocumentFragment()
  for (const node of [...doc.body.childNodes]) content.append(document.importNode(node, true))
  const flow = await new PagedModule.Previewer().preview(content, styles, document.getElementById('pages'))
  status.hidden = true
  document.querySelector(`.pagedjs_page[data-page-number="${Math.min(wantedPage, flow.total)}"]`)?.scrollIntoView()
  tellParent({ pages: flow.total })
  let pending = false
  addEventListener('scroll', () => {
    if (pending) return
    pending = true
    requestAnimationFrame(() => { pending = false; tellParent({ pages: flow.total }) })
  }, { passive: true })
  document.body.dataset.pages = String(flow.total)
}

render().catch(e => {
  status.textContent = 'The print edition could not be laid out: ' + (e?.message ?? e)
  document.body.dataset.pages = '0'
})
