"""The audit's review page: one local HTML file a reviewer opens in a browser (no network,
no server), written outside any published folder or git work tree because it holds the
original text.

Each drawn record shows its published text beside the original, its changes marked (as
the report marks them) and its risk, with the three verdicts: clean, leaked (what type,
and whether it identifies someone) or damaged (medical meaning lost). The page keeps each
verdict in the browser as it is given (``localStorage``, under the sample's seed), so a
review that stops resumes when the page is opened again; "Save verdicts" downloads them
as a JSON file (also shown in the page to copy), which ``deid audit record`` puts in the
ledger, sealed with the key. The page's one script is allowed by its hash in the
Content-Security-Policy, and nothing else may load or connect.
"""

from __future__ import annotations

import base64
import hashlib
import html

from deid.commands.audit import Drawn
from deid.ledger.report import marked

_CSS = """
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1d1f}
main{max-width:72rem;margin:0 auto;padding:1rem}.confidential{background:#8b0000;color:#fff;padding:1rem;font-weight:700;text-align:center}
article{border-top:1px solid #d7d7de;padding:.75rem 0}.pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.text{white-space:pre-wrap;overflow-wrap:anywhere}mark{background:#fff1a8}mark.was{background:#ffd7d7}del.original{color:#8b0000}
.tag{font-size:.7rem;color:#5b5b66;margin-left:.15rem}.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
fieldset{border:1px solid #d7d7de;border-radius:.4rem;min-width:0}label{margin-right:1rem;display:inline-block}
h1,h2,p,code,.field{overflow-wrap:anywhere}.pair>div{min-width:0}input.types{max-width:100%}
textarea{width:100%;min-height:6rem}:focus{outline:3px solid #174ea6;outline-offset:2px}
@media (max-width:48rem){.pair{grid-template-columns:1fr}}
"""

_SCRIPT = """
(function(){
var page=document.getElementById('audit');var seed=page.dataset.seed;var store='deid-audit-'+seed;
var saved={};try{saved=JSON.parse(localStorage.getItem(store)||'{}');}catch(e){saved={};}
function keep(){try{localStorage.setItem(store,JSON.stringify(saved));}catch(e){}count();}
function count(){var n=Object.keys(saved).length;document.getElementById('given').textContent=n;}
document.querySelectorAll('article[data-record]').forEach(function(a){
  var id=a.dataset.record;var v=saved[id];
  var radios=a.querySelectorAll('input[type=radio]');var types=a.querySelector('input.types');var who=a.querySelector('input.identifies');
  if(v){radios.forEach(function(r){r.checked=(r.value===v.verdict);});types.value=(v.types||[]).join(', ');who.checked=!!v.identifies;}
  function take(){var c=a.querySelector('input[type=radio]:checked');if(!c){return;}
    var t=types.value.split(/[,\\s]+/).filter(Boolean).map(function(x){return x.toUpperCase();});
    saved[id]={record:id,verdict:c.value,types:t,identifies:c.value==='leaked'&&who.checked};keep();}
  radios.forEach(function(r){r.addEventListener('change',take);});types.addEventListener('input',take);who.addEventListener('change',take);
});
document.getElementById('save').addEventListener('click',function(){
  var out={seed:seed,reviewer:document.getElementById('reviewer').value.trim(),verdicts:Object.keys(saved).map(function(k){return saved[k];})};
  var text=JSON.stringify(out,null,1);document.getElementById('verdicts').value=text;
  var link=document.createElement('a');link.href=URL.createObjectURL(new Blob([text],{type:'application/json'}));
  link.download='deid-verdicts.json';document.body.appendChild(link);link.click();link.remove();
});
count();
})();
"""


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def page(items: list[Drawn], seed: str, statement: str, folder: str) -> str:
    """The review page for the drawn records ``items`` of the sample with ``seed``."""
    digest = base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode("ascii")
    csp = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; img-src 'none'"
    out = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f'<meta http-equiv="Content-Security-Policy" content="{csp}">',
           f"<title>deid audit review</title><style>{_CSS}</style></head><body>",
           '<div class="confidential" role="alert">CONFIDENTIAL: this page shows original text beside what was '
           "published. Do not publish, share or commit it; delete it when the review is recorded.</div>",
           f'<main id="audit" data-seed="{_esc(seed)}"><h1>Audit review of {_esc(folder)}</h1>',
           f"<p>{_esc(statement)}. Read each record below as published, with the original beside it. Answer "
           "<b>clean</b> when nothing in it identifies anyone, <b>leaked</b> when something does (say its type: "
           "PERSON, LOCATION, ...), <b>damaged</b> when medical meaning was lost. Your answers stay in this browser "
           "until you save them; <b><span id=\"given\">0</span></b> of " + str(len(items)) + " given.</p>",
           '<p><label>Your name or initials <input id="reviewer" autocomplete="name"></label></p>']
    for n, item in enumerate(items, start=1):
        out.append(_article(item, n, len(items)))
    out += ['<p><button id="save" type="button">Save verdicts</button> (downloads deid-verdicts.json; then run '
            f"<code>deid audit record {_esc(folder)} deid-verdicts.json</code>)</p>",
            '<label for="verdicts">The saved verdicts</label><textarea id="verdicts" readonly></textarea>',
            f"</main><script>{_SCRIPT}</script></body></html>\n"]
    return "\n".join(out)


def _was(text: str, spans: list[tuple[int, int]]) -> str:
    """The original text, each value deid replaced marked."""
    out, pos = [], 0
    for a, b in spans:
        out += [_esc(text[pos:a]), f'<mark class="was">{_esc(text[a:b])}</mark>']
        pos = b
    return "".join(out + [_esc(text[pos:])])


def _article(item: Drawn, n: int, total: int) -> str:
    risk = item.risk
    head = f"{n} of {total}: {item.where}" + (
        f" · risk {risk.get('level')}: {', '.join(risk.get('types', [])) or 'no details'}" if risk else "")
    out = [f'<article data-record="{_esc(item.label)}" aria-labelledby="h-{n}"><h2 id="h-{n}">{_esc(head)}</h2>']
    for path, text, changes, originals in item.fields:
        was = _was(*item.original(text, originals)) if originals else "<i>(as published)</i>"
        out.append(f'<div class="field">{_esc(path or "(document)")}</div><div class="pair">'
                   f'<div><b>Published</b><p class="text">{marked(text, changes, None)}</p></div>'
                   f'<div><b>Original</b><p class="text">{was}</p></div></div>')
    name = f"v-{n}"
    out.append(f'<fieldset><legend>Verdict</legend>'
               f'<label><input type="radio" name="{name}" value="clean"> clean</label>'
               f'<label><input type="radio" name="{name}" value="leaked"> leaked</label>'
               f'<label><input type="radio" name="{name}" value="damaged"> damaged</label>'
               f'<label>types <input class="types" name="t-{n}" placeholder="PERSON, LOCATION"></label>'
               f'<label><input type="checkbox" class="identifies" name="i-{n}"> identifies someone</label></fieldset>')
    out.append("</article>")
    return "".join(out)

