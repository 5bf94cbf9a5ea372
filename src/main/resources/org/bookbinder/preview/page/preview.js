// The preview page: listens to the server's events (/events), shows each build's result, reopens the reader
// and the print view on the new book after a good build, and lists the diagnostics with their source.
import { Reader } from './reader.js'

const $ = id => document.getElementById(id)
const shown = { book: null, title: '' }
let printPage = 1

// ---------------------------------------------------------------- tabs (WAI-ARIA tabs, automatic activation)

const tabs = [...document.querySelectorAll('[role="tab"]')]
function select(tab, focus = false) {
  for (const t of tabs) {
    const on = t === tab
    t.setAttribute('aria-selected', String(on))
    t.tabIndex = on ? 0 : -1
    $(t.getAttribute('aria-controls')).hidden = !on
  }
  if (focus) tab.focus()
  if (tab.id === 'tab-print') loadPrint()
}
for (const [i, tab] of tabs.entries()) {
  tab.addEventListener('click', () => select(tab))
  tab.addEventListener('keydown', e => {
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key]
    if (to === undefined) return
    e.preventDefault()
    select(tabs[(to + tabs.length) % tabs.length], true)
  })
}

// ---------------------------------------------------------------- reader

const reader = new Reader({
  container: $('reader'), toc: $('toc').querySelector('ol'), location: $('location'), dialog: $('popup'),
  onOpen: book => {
    shown.title = typeof book.metadata?.title === 'string' ? book.metadata.title : Object.values(book.metadata?.title ?? {})[0] ?? ''
    $('book-title').textContent = shown.title
    document.title = (shown.title ? shown.title + ' · ' : '') + 'Bookbinder preview'
  },
})
$('prev').addEventListener('click', () => reader.prev())
$('next').addEventListener('click', () => reader.next())
document.addEventListener('keydown', e => { if (!$('panel-reader').hidden && !$('popup').open) reader.key(e) })

// ---------------------------------------------------------------- print view

function loadPrint() {
  if (!shown.book || $('panel-print').hidden) return
  const frame = $('print-frame')
  const src = '/preview/print.html?' + new URLSearchParams({ book: shown.book.html, page: String(printPage) })
  if (frame.dataset.src === src) return
  frame.dataset.src = src
  frame.src = src
}
window.addEventListener('message', e => {
  if (e.origin !== location.origin || e.source !== $('print-frame').contentWindow) return
  const { page, pages } = e.data ?? {}
  if (Number.isInteger(page)) printPage = page
  if (Number.isInteger(pages)) $('print-pages').textContent = `Page ${printPage} of ${pages}`
})

// ---------------------------------------------------------------- builds

function plural(n, word) { return `${n} ${word}${n === 1 ? '' : 's'}` }

async function apply(state) {
  const seconds = (state.millis / 1000).toFixed(2) + ' s'
  const counts = `${plural(state.errors, 'error')}, ${plural(state.warnings, 'warning')}`
  const status = $('status')
  status.className = state.build === 0 ? 'building' : state.succeeded ? 'ok' : 'failed'
  status.textContent = state.build === 0 ? 'First build running…'
    : (state.succeeded ? `Build ${state.build} done in ${seconds}` : `Build ${state.build} failed in ${seconds}`)
      + ` (${counts})` + (state.building ? '; rebuilding…' : '')

  // The new book first, then the banner and the diagnostics: they change the reader's size, and foliate-js lays a
  // section out again on every resize, which fails on one still loading.
  if (state.book && (!shown.book || shown.book.epub !== state.book.epub)) {
    shown.book = state.book
    const key = 'bookbinder-preview:place:' + state.book.epub.replace(/\?.*$/, '')
    try {
      await reader.open(state.book.epub, key)
    } catch (e) {
      status.textContent += ' (the reader could not open the book: ' + (e?.message ?? e) + ')'
    }
    $('print-open').href = state.book.html
    loadPrint()
  }

  const banner = $('banner')
  banner.hidden = state.build === 0 || state.succeeded
  if (!banner.hidden) {
    banner.textContent = state.book
      ? (state.book.build > 0 ? `Build ${state.build} failed: showing the last good book, from build ${state.book.build}.`
        : `Build ${state.build} failed: showing the book an earlier build left in the output folder.`)
      : `Build ${state.build} failed, and there is no earlier book to show.`
  }
  showDiagnostics(state)
  if (!state.book && state.build > 0 && $('reader-empty')) $('reader-empty').textContent = 'No book to show yet: the first build failed (see its diagnostics).'
}

function showDiagnostics(state) {
  const aside = $('diagnostics')
  const list = $('diagnostic-list')
  aside.hidden = state.diagnostics.length === 0
  $('diagnostics-title').textContent = `Diagnostics of build ${state.build}: ${plural(state.errors, 'error')}, ${plural(state.warnings, 'warning')}`
  list.replaceChildren(...state.diagnostics.map(d => {
    const li = document.createElement('li')
    li.className = d.severity
    const where = d.file + (d.line > 0 ? ':' + d.line + (d.column > 0 ? ':' + d.column : '') : '')
    const el = document.createElement(d.source ? 'button' : 'span')
    if (d.source) {
      el.type = 'button'
      el.addEventListener('click', () => showSource(d))
      el.setAttribute('aria-describedby', 'source-title')
    }
    const loc = document.createElement('span')
    loc.className = 'where'
    loc.textContent = where
    const sev = document.createElement('span')
    sev.className = 'severity'
    sev.textContent = d.severity + ' ' + d.code
    const msg = document.createElement('span')
    msg.className = 'message'
    msg.textContent = d.message
    el.append(loc, ' ', sev, ' ', msg)
    li.append(el)
    return li
  }))
  if (state.diagnostics.length === 0) $('source').hidden = true
}

async function showSource(d) {
  const res = await fetch('/api/source?' + new URLSearchParams({ file: d.file, line: String(Math.max(1, d.line)) }))
  const figure = $('source')
  if (!res.ok) { figure.hidden = true; return }
  const excerpt = await res.json()
  $('source-title').textContent = `${excerpt.file}, around line ${excerpt.line}` + (d.column > 0 ? `, column ${d.column}` : '')
  const pre = $('source-lines')
  pre.replaceChildren(...excerpt.lines.map((line, i) => {
    const n = excerpt.first + i
    const row = document.createElement('span')
    row.className = 'line' + (n === excerpt.line ? ' here' : '')
    const num = document.createElement('span')
    num.className = 'number'
    num.textContent = String(n).padStart(4, ' ') + '  '
    row.append(num)
    if (n === excerpt.line && d.column > 0 && d.column <= line.length) {
      // the column too: a long paragraph is one line in Markdown
      const at = d.column - 1
      const end = line.slice(at).search(/\s/)
      const mark = document.createElement('mark')
      mark.textContent = line.slice(at, end < 0 ? line.length : at + Math.max(end, 1))
      row.append(line.slice(0, at), mark, line.slice(at + mark.textContent.length))
    } else {
      row.append(line)
    }
    row.append('\n')
    return row
  }))
  figure.hidden = false
  pre.focus({ preventScroll: true })
  const here = pre.querySelector('mark') ?? pre.querySelector('.here')
  if (here) pre.scrollTop = here.offsetTop - (pre.clientHeight - here.offsetHeight) / 2
  figure.scrollIntoView({ block: 'nearest' })
}

// ---------------------------------------------------------------- the server's events

const events = new EventSource('/events')
let lastBuild = -1
let applying = Promise.resolve()
events.addEventListener('state', e => {
  const state = JSON.parse(e.data)
  lastBuild = state.build
  applying = applying.then(() => apply(state))        // one at a time: a reader opens before the next is asked for
})
events.addEventListener('error', () => {
  if (events.readyState !== EventSource.OPEN) $('status').textContent = 'The preview server is not answering (stopped?); trying again…'
})
window.bookbinderPreview = { reader, get build() { return lastBuild } }
