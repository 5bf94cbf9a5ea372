// Driver for bench/watch-latency.sh. argv: NODE_MODULES URL BOOK_DIR RUNS
'use strict'
const fs = require('fs')
const path = require('path')
const [nodeModules, url, bookDir, runsArg] = process.argv.slice(2)
const { chromium } = require(path.join(nodeModules, 'playwright-core'))
const chapter = path.join(bookDir, 'chapters', '02-prisoners-of-war.md')
const WORDS = ['invaded', 'attacked']

async function readerText(page) {
  let text = ''
  for (const f of page.frames()) {
    if (!f.url().startsWith('blob:')) continue
    text += await f.evaluate(() => getComputedStyle(frameElement).visibility === 'hidden' ? '' : document.body.innerText).catch(() => '')
  }
  return text
}
async function until(test, timeout = 120000) {
  const end = Date.now() + timeout
  for (;;) {
    const v = await test()
    if (v) return v
    if (Date.now() > end) throw new Error('timed out')
    await new Promise(r => setTimeout(r, 10))
  }
}
const median = xs => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2 }
const fmt = ms => (ms / 1000).toFixed(2) + ' s'

;(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  await page.goto(url)
  const first = await until(async () => { const s = await (await fetch(url + 'api/state')).json(); return s.build >= 1 ? s : null })
  await page.getByRole('button', { name: 'Prisoners of War', exact: true }).click()
  await until(async () => (await readerText(page)).includes('ally invaded Poland'))
  const rows = []
  let text = fs.readFileSync(chapter, 'utf8')
  for (let i = 0; i < +runsArg; i++) {
    const [from, to] = i % 2 ? [WORDS[1], WORDS[0]] : [WORDS[0], WORDS[1]]
    text = text.replace(`ally ${from} Poland`, `ally ${to} Poland`)
    const build = first.build + i + 1
    const t0 = Date.now()
    fs.writeFileSync(chapter, text)
    await until(() => page.evaluate(b => document.getElementById('status').textContent.startsWith(`Build ${b} done`), build))
    const built = Date.now() - t0
    await until(async () => (await readerText(page)).includes(`ally ${to} Poland`))
    const shown = Date.now() - t0
    const s = await (await fetch(url + 'api/state')).json()
    rows.push({ built, shown, build: s.millis, check: s.timings.check ?? 0 })
  }
  await browser.close()
  const col = k => rows.map(r => r[k])
  console.log(`first build (cold JVM, EPUBCheck's first use): ${fmt(first.millis)}`)
  console.log(`\n| ${rows.length} one-word saves | median | min–max |\n|---|---:|---:|`)
  for (const [label, k] of [['the build itself (Bookbinder.build, with EPUBCheck)', 'build'], ['of which EPUBCheck', 'check'],
      ['save → the page hears the build is done (200 ms quiet time included)', 'built'],
      ['save → the new word on screen in the reader', 'shown']]) {
    console.log(`| ${label} | ${fmt(median(col(k)))} | ${fmt(Math.min(...col(k)))}–${fmt(Math.max(...col(k)))} |`)
  }
})().catch(e => { console.error(e); process.exit(1) })
