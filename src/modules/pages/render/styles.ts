import { createHash } from 'node:crypto';
import { SafeHtml } from './html.js';

// One small stylesheet, inlined in every page (no request for it); the CSP allows exactly this text
// by its hash. Colours c0..c9 tell the compared models apart, in request order, in text and charts.
const CSS = `
:root{--fg:#17191c;--muted:#5d6570;--line:#e2e5e9;--bg:#f5f6f8;--card:#fff;--link:#1d4fc4}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--link);text-decoration:none}a:hover{text-decoration:underline}
.site{background:#16213a;padding:10px 16px}.site a{color:#fff;font-weight:600}
main{max-width:980px;margin:0 auto;padding:8px 16px 32px;overflow-wrap:break-word}
h1{font-size:2rem;line-height:1.2;margin:.6rem 0 .4rem}h1 .vs{color:var(--muted);font-weight:400;font-size:.7em}
h2{font-size:1.15rem;margin:0 0 .75rem}
.kicker{margin:.8rem 0 0;color:var(--muted);font-size:.95rem}
.lead{font-size:1.1rem;margin:.5rem 0 1rem}
section{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:16px;margin:14px 0}
.muted,.note{color:var(--muted)}.note{font-size:.9rem;margin:.75rem 0 0}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:12px}
.card{border:1px solid var(--line);border-top:4px solid var(--c);border-radius:10px;padding:10px 12px}
.card .big{font-size:2.2rem;font-weight:700;line-height:1.1;font-variant-numeric:tabular-nums}
.card p{margin:0}
.sw{display:inline-block;width:.75em;height:.75em;border-radius:3px;background:var(--c);margin-right:.4em}
.legend{display:flex;flex-wrap:wrap;gap:4px 16px;margin:0 0 8px;padding:0;list-style:none;font-size:.9rem}
.pairs{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:6px 24px;margin:0}
.pairs div{display:flex;justify-content:space-between;gap:8px;border-bottom:1px solid var(--line);padding:4px 0}
.pairs dt{color:var(--muted);flex:1 1 0}.pairs dd{margin:0;font-weight:600;text-align:right;flex:0 0 auto;max-width:60%}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.85rem;color:var(--muted);font-weight:600}
.n{text-align:right;white-space:nowrap}
.win{font-weight:700}.leader{white-space:nowrap}
.chart{display:block;margin:4px 0 12px;overflow:visible}
.chart text{font-size:13px;fill:var(--fg)}.chart .label{font-weight:600}.chart .value{fill:var(--muted)}
.chart .bar{fill:var(--c)}.chart .track{fill:#eef0f3}
.c0{--c:#2f5fd0}.c1{--c:#e07a10}.c2{--c:#18967a}.c3{--c:#c43c6a}.c4{--c:#7652c6}
.c5{--c:#8b6d12}.c6{--c:#0a8aa8}.c7{--c:#d4473f}.c8{--c:#5a7f25}.c9{--c:#666b73}
.missing{margin:0;padding-left:1.2em}
footer{color:var(--muted);font-size:.85rem;margin-top:20px}
@media (max-width:640px){
h1{font-size:1.55rem}.lead{font-size:1rem}section{padding:12px}.card .big{font-size:1.9rem}
table.stack thead{display:none}
table.stack tr{display:block;padding:6px 0;border-bottom:1px solid var(--line)}
table.stack td{display:flex;justify-content:space-between;gap:12px;border:0;padding:2px 0;text-align:right}
table.stack td::before{content:attr(data-label);color:var(--muted);text-align:left;font-weight:400;flex:none}
table.stack td.head{display:block;font-weight:600;text-align:left}table.stack td.head::before{content:none}
.leader{white-space:normal}
}
`
  .trim()
  .replace(/\n/g, '');

/** The pages' stylesheet. */
export const STYLES = CSS;

/** The `<style>` element, built here so that no formatting of a template can touch the hashed text. */
export const STYLE_ELEMENT = new SafeHtml(`<style>${STYLES}</style>`);

/** The CSP source that allows exactly STYLES in a `<style>` element. */
export const STYLES_CSP_SOURCE = `'sha256-${createHash('sha256').update(STYLES, 'utf8').digest('base64')}'`;
