// Drives the `bookbinder watch` preview page in Debian's chromium through playwright-core, as an editor would
// use it, and writes what it saw to a JSON report for PreviewBrowserTest to judge (this script judges nothing:
// it only fails when a step times out, and then says which).
// argv: NODE_MODULES URL BOOK_DIR REPORT.json SCREENSHOT_DIR
'use strict'
const fs = require('fs')
const path = require('path')
const [nodeModules, url, bookDir, reportFile, shots] = process.argv.slice(2)
const { chromium } = require(path.join(nodeModules, 'playwright-core'))
const T = 60000
const origin = new URL(url).origin
const report = { steps: {}, requests: [], refused: [], consoleErrors: [], consoleWarnings: [], pageErrors: [] }
let step = 'open'                                   // where the script is, for the errors it records
const chapter = path.join(bookDir, 'chapters', '01-camps.md')
const original = fs.readFileSync(chapter, 'utf8')

// Whether this frame's element is inside the element matching `selector` of the page, through the shadow roots
// (closed ones too) of foliate-js's elements. Run inside a frame.
const INSIDE = `(selector) => {
  for (let n = frameElement; n; n = n.getRootNode().host) if (n.closest(selector)) return true
  return false
}`

// The text on screen inside a box of the page (the reader, the pop-up): the text nodes of the book's documents
// (in foliate-js's frames within that box's element) that have a line box inside it.
async function textIn(page, selector) {
  const box = await page.evaluate(sel => {
    const el = document.querySelector(sel)
    if (!el || el.closest('[hidden]')) return null
    const r = el.getBoundingClientRect()
    return { l: r.left, t: r.top, r: r.right, b: r.bottom }
  }, selector)
  if (!box) return ''
  const parts = []
  for (const f of page.frames()) {
    if (!f.url().startsWith('blob:')) continue
    try {
      parts.push(await f.evaluate(([box, selector, inside]) => {
        const host = frameElement
        if (!host || getComputedStyle(host).visibility === 'hidden' || !eval(inside)(selector)) return ''
        const fr = host.getBoundingClientRect()
        const out = []
        const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
        for (let n; (n = walk.nextNode());) {
          const range = document.createRange()
          range.selectNodeContents(n)
          for (const r of range.getClientRects()) {
            const x = fr.left + r.left + r.width / 2, y = fr.top + r.top + r.height / 2
            if (r.width > 0 && x > box.l && x < box.r && y > box.t && y < box.b) { out.push(n.textContent); break }
          }
        }
        return out.join(' ')
      }, [box, selector, INSIDE]))
    } catch { /* a frame going away */ }
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim()
}

async function until(what, test, timeout = T) {
  const end = Date.now() + timeout
  for (;;) {
    const value = await test()
    if (value) return value
    if (Date.now() > end) throw new Error('timed out waiting for ' + what)
    await new Promise(r => setTimeout(r, 100))
  }
}

// The centre, in page coordinates, of the first link in the reader's frames matching `selector` and `text`.
async function linkInReader(page, selector, text) {
  for (const f of page.frames()) {
    if (!f.url().startsWith('blob:')) continue
    const at = await f.evaluate(([selector, text, inside]) => {
      const a = [...document.querySelectorAll(selector)].find(a => a.textContent.trim() === text)
      const r = a?.getClientRects()[0]
      if (!r || getComputedStyle(frameElement).visibility === 'hidden' || !eval(inside)('#reader')) return null
      const fr = frameElement.getBoundingClientRect()
      return { x: fr.left + r.left + r.width / 2, y: fr.top + r.top + r.height / 2 }
    }, [selector, text, INSIDE]).catch(() => null)
    if (at) return at
  }
  return null
}

async function popup(page, selector, text, close = 'Escape') {
  // A click can land while the reader is still laying the page out (seen on a loaded machine): the link is looked
  // up again and clicked again until the pop-up opens, each click given 5 s.
  const end = Date.now() + T
  for (;;) {
    const at = await until(`the link "${text}" in the reader`, () => linkInReader(page, selector, text))
    await page.mouse.click(at.x, at.y)
    const open = await until('the pop-up', () => page.evaluate(() => document.getElementById('popup').open), 5000)
      .catch(() => false)
    if (open) break
    if (Date.now() > end) throw new Error(`timed out waiting for the pop-up of "${text}"`)
  }
  const shown = await until('the pop-up text', () => textIn(page, '#popup-body'))
  const result = { title: await page.textContent('#popup-title'), text: shown,
    focused: await page.evaluate(() => document.activeElement?.closest('dialog')?.id ?? null) }
  await page.screenshot({ path: path.join(shots, `popup-${text}.png`) })
  if (close === 'Escape') await page.keyboard.press('Escape')
  else await page.click('#popup-go')
  await until('the pop-up to close', () => page.evaluate(() => !document.getElementById('popup').open))
  return result
}

const state = page => page.evaluate(() => ({
  status: document.getElementById('status').textContent, statusClass: document.getElementById('status').className,
  banner: document.getElementById('banner').hidden ? null : document.getElementById('banner').textContent,
  diagnostics: document.getElementById('diagnostics').hidden ? null
    : [...document.querySelectorAll('#diagnostic-list li')].map(li => li.textContent.replace(/\s+/g, ' ').trim()),
  tocCurrent: document.querySelector('#toc [aria-current]')?.textContent ?? null,
  sameDocument: window.__sameDocument === true,
  readerViews: document.querySelectorAll('#reader foliate-view').length,
}))

;(async () => {
  fs.mkdirSync(shots, { recursive: true })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, timeout: T,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  })
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  context.on('request', r => report.requests.push(r.url()))
  await context.route('**/*', r => {
    const u = r.request().url()
    if (u.startsWith(origin + '/') || u.startsWith('blob:') || u.startsWith('data:')) return r.continue()
    report.refused.push(u)
    return r.abort()
  })
  page.on('console', m => {
    if (m.type() === 'error') report.consoleErrors.push(`${step}: ${m.text()}`)
    if (m.type() === 'warning') report.consoleWarnings.push(m.text())
  })
  // with the frame that threw, so that an error inside a vendored engine can be told from one of ours
  page.on('pageerror', e => report.pageErrors.push(`${step}: ${e.message} @ ${(e.stack ?? '').split('\n')[1]?.trim() ?? '?'}`))
  try {
    await page.goto(url)
    report.steps.opened = { reader: await until('the title page in the reader', async () => {
      const t = await textIn(page, '#reader')
      return t.includes('A Test Book with a Glossary') ? t : null
    }), ...await state(page) }

    // keyboard: the contents entry, then the tabs
    step = 'chapter'
    await page.getByRole('button', { name: 'The Camps', exact: true }).focus()
    await page.keyboard.press('Enter')
    report.steps.chapter = { reader: await until('the chapter in the reader', async () => {
      const t = await textIn(page, '#reader')
      return t.includes('The Gulags held millions') ? t : null
    }), ...await state(page) }
    await page.screenshot({ path: path.join(shots, 'reader.png') })
    await page.getByRole('tab', { name: 'Reader' }).focus()
    await page.keyboard.press('ArrowRight')
    const tabs = await page.evaluate(() => ({
      focused: document.activeElement?.id, printSelected: document.getElementById('tab-print').getAttribute('aria-selected'),
      printShown: !document.getElementById('panel-print').hidden, readerShown: !document.getElementById('panel-reader').hidden }))
    await page.keyboard.press('ArrowLeft')
    tabs.back = await page.evaluate(() => ({ focused: document.activeElement?.id, readerShown: !document.getElementById('panel-reader').hidden }))
    report.steps.tabs = tabs

    // pop-ups, opened by real clicks on the links in the book
    step = 'pop-ups'
    report.steps.note = await popup(page, 'a[role~="doc-noteref"]', '1')
    report.steps.glossary = await popup(page, 'a[role~="doc-glossref"]', 'NKVD')
    // "Go to the glossary", then back to the chapter from the contents
    step = 'go to'
    report.steps.goTo = { button: await page.evaluate(() => document.getElementById('popup-go').textContent) }
    await popup(page, 'a[role~="doc-glossref"]', 'NKVD', 'go')
    report.steps.goTo.reader = await until('the glossary in the reader', async () => {
      const t = await textIn(page, '#reader')
      return t.includes('The People’s Commissariat for Internal Affairs') && !t.includes('The Gulags held') ? t : null
    })
    report.steps.goTo.tocCurrent = (await state(page)).tocCurrent
    await page.getByRole('button', { name: 'The Camps', exact: true }).click()
    await until('the chapter again', async () => (await textIn(page, '#reader')).includes('The Gulags held millions'))

    // a save: the new text appears without a reload, at the same place
    step = 'edit'
    await page.evaluate(() => { window.__sameDocument = true })
    const edited = original.replace('held millions', 'held a great many people')
    let t0 = Date.now()
    fs.writeFileSync(chapter, edited)
    report.steps.edit = { reader: await until('the edited text in the reader', async () => {
      const t = await textIn(page, '#reader')
      return t.includes('held a great many people') ? t : null
    }), millis: Date.now() - t0, ...await state(page) }

    // an error: listed with file and line, the last good book still shown
    step = 'error'
    fs.writeFileSync(chapter, edited.replace('held a great many people.', 'held a great many people.[^nope]'))
    await until('the diagnostics', async () => (await state(page)).diagnostics?.some(d => d.includes('NOTE-001')))
    report.steps.error = { reader: await textIn(page, '#reader'), ...await state(page) }
    await page.screenshot({ path: path.join(shots, 'error.png') })
    await page.locator('#diagnostic-list button').first().click()
    await until('the source', () => page.evaluate(() => !document.getElementById('source').hidden))
    report.steps.source = await page.evaluate(() => ({
      title: document.getElementById('source-title').textContent,
      here: document.querySelector('#source-lines .line.here')?.textContent ?? null,
      mark: document.querySelector('#source-lines mark')?.textContent ?? null,
      lines: document.querySelectorAll('#source-lines .line').length,
      focused: document.activeElement?.id }))
    await page.screenshot({ path: path.join(shots, 'source.png') })

    // the fix: the book comes back
    step = 'fix'
    t0 = Date.now()
    fs.writeFileSync(chapter, edited)
    await until('the fixed build', async () => { const s = await state(page); return s.statusClass === 'ok' && !s.banner && !s.diagnostics })
    report.steps.fixed = { reader: await textIn(page, '#reader'), millis: Date.now() - t0, ...await state(page) }

    // the print view: the edition in pages, with page numbers
    step = 'print'
    await page.getByRole('tab', { name: 'Print' }).click()
    const frame = await until('the print frame', () => page.frames().find(f => f.url().includes('/preview/print.html')))
    await frame.waitForFunction(() => document.body?.dataset.pages !== undefined, null, { timeout: T })
    report.steps.print = await frame.evaluate(() => {
      const pages = [...document.querySelectorAll('.pagedjs_page')]
      const folio = p => {
        const box = p.querySelector('.pagedjs_margin-top-right')
        const c = box?.querySelector('.pagedjs_margin-content')
        return { page: Number(p.dataset.pageNumber), content: c ? getComputedStyle(c, '::after').content : null,
          width: box ? Math.round(box.getBoundingClientRect().width) : 0 }
      }
      return {
        pages: Number(document.body.dataset.pages), laidOut: pages.length,
        pageWidthPx: pages[0] ? Math.round(pages[0].getBoundingClientRect().width) : 0,
        folios: pages.slice(0, 4).map(folio),
        text: pages.map(p => p.innerText).join(' ').replace(/\u00ad/g, '').replace(/\s+/g, ' '),
      }
    })
    report.steps.print.bar = await page.textContent('#print-pages')
    await page.screenshot({ path: path.join(shots, 'print.png') })
    report.steps.end = await state(page)
  } catch (e) {
    report.failure = String(e?.message ?? e).split('\n')[0]
    await page.screenshot({ path: path.join(shots, 'failure.png') }).catch(() => {})
  } finally {
    await browser.close()
    fs.writeFileSync(reportFile, JSON.stringify(report, null, 1))
  }
})()
