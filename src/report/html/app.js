// wirecheck HTML report. All article text reaches the page through textContent/text nodes;
// data comes from inert <script type="application/json"> blocks, parsed when first needed.
(function () {
  'use strict';
  var root = document.documentElement;
  window.addEventListener('error', function (e) {
    root.setAttribute('data-script-error', String(e.message));
  });
  var t0 = performance.now();
  var cache = {};
  function $(id) { return document.getElementById(id); }
  function data(id) {
    if (!(id in cache)) {
      var el = $(id);
      cache[id] = el ? JSON.parse(el.textContent) : null;
    }
    return cache[id];
  }
  // Builds an element; string children become text nodes, never markup.
  function h(tag, attrs) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'class') e.className = attrs[k];
        else e.setAttribute(k, attrs[k]);
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var k = arguments[i];
      if (k === null || k === undefined) continue;
      e.append(k instanceof Node ? k : document.createTextNode(String(k)));
    }
    return e;
  }
  function pct(x) { return x === null || x === undefined ? '·' : Math.round(x * 100) + '%'; }
  function clip(s, n) {
    var chars = Array.from(s);
    return chars.length > n ? chars.slice(0, n).join('') + '…' : s;
  }
  function label(n) { return '[' + (n + 1) + ']'; }

  var docs = data('documents-data') || [];
  var findings = data('findings-data') || [];
  var clusterSizes = data('clusters-data') || [];

  function docLink(doc, sentence, text) {
    var s = sentence === null || sentence === undefined ? 0 : sentence;
    return h('a', { href: '#doc-' + doc + '-s-' + s, class: 'doc' }, text || docs[doc].path);
  }

  // ---- word diffs: [[tag, text]], 0 same, 1 only in the first, 2 only in the second ----
  function diffNode(pieces, side) {
    var span = h('span', { class: 'diff' });
    pieces.forEach(function (p) {
      var tag = p[0], text = p[1];
      if (tag === 0) span.append(document.createTextNode(text));
      else if (tag === 1 && side !== 'new') span.append(h('del', null, text));
      else if (tag === 2 && side !== 'old') span.append(h('ins', null, text));
    });
    return span;
  }

  // ---- findings table ----
  var rules = {};
  findings.forEach(function (f) { rules[f.rule] = true; });
  Object.keys(rules).sort().forEach(function (r) { $('f-rule').append(h('option', null, r)); });
  var shown = 0, matching = [];
  var PAGE = 500;
  function filterFindings() {
    var rule = $('f-rule').value, sev = $('f-sev').value;
    var text = $('f-text').value.toLowerCase();
    matching = [];
    findings.forEach(function (f, i) {
      if (rule && f.rule !== rule) return;
      if (sev && f.severity !== sev) return;
      if (text && (f.message + ' ' + f.found + ' ' + f.document).toLowerCase().indexOf(text) < 0) return;
      matching.push(i);
    });
    var body = $('findings-table').tBodies[0];
    body.textContent = '';
    shown = 0;
    moreFindings();
  }
  function moreFindings() {
    var body = $('findings-table').tBodies[0];
    var end = Math.min(matching.length, shown + PAGE);
    var frag = document.createDocumentFragment();
    for (var k = shown; k < end; k++) {
      var i = matching[k], f = findings[i];
      frag.append(h('tr', { id: 'finding-' + i, class: 'sev-' + f.severity },
        h('td', { class: 'sev' }, f.severity),
        h('td', null, f.rule),
        h('td', null, h('a', { href: '#finding-' + i, class: 'doc' }, f.document)),
        h('td', { class: 'num' }, f.line + ':' + f.column),
        h('td', { class: 'found', title: f.found }, clip(f.found, 40)),
        h('td', { class: 'suggestion', title: f.suggestion || '' }, f.suggestion ? clip(f.suggestion, 40) : null),
        h('td', null, f.message)));
    }
    body.append(frag);
    shown = end;
    $('f-more').hidden = shown >= matching.length;
    $('f-count').textContent = matching.length + ' of ' + findings.length + ' findings' +
      (shown < matching.length ? ' (' + shown + ' shown)' : '');
  }
  ['f-rule', 'f-sev'].forEach(function (id) { $(id).addEventListener('change', filterFindings); });
  $('f-text').addEventListener('input', filterFindings);
  $('f-more').addEventListener('click', moreFindings);

  // ---- a sentence in context ----
  function showContext(doc, sentence, found) {
    var d = docs[doc];
    if (!d) return;
    var sentences = data('d' + doc) || [];
    var body = $('context-body');
    body.textContent = '';
    body.append(h('h3', null, d.path));
    body.append(metaTable(d));
    var list = h('ol', { class: 'sentences' });
    var target = null;
    sentences.forEach(function (s, k) {
      var li = h('li', { id: 'ctx-s-' + k, class: 'kind-' + s[1] }, h('span', { class: 'line' }, 'L' + s[0]), ' ');
      var text = s[2];
      var at = k === sentence && found ? text.indexOf(found) : -1;
      if (at >= 0) {
        li.append(text.slice(0, at), h('mark', null, found), text.slice(at + found.length));
      } else {
        li.append(text);
      }
      if (k === sentence) { li.className += ' hit'; target = li; }
      list.append(li);
    });
    body.append(list);
    $('context').hidden = false;
    (target || $('context')).scrollIntoView({ block: 'center' });
  }
  function metaTable(d) {
    var t = h('table', { class: 'meta' });
    [['path', d.path], ['title', d.title], ['date', d.date], ['source', d.source],
     ['author', d.author], ['url', d.url], ['language', d.language], ['encoding', d.encoding],
     ['sentences', d.sentences], ['cluster', d.cluster]].forEach(function (r) {
      t.append(h('tr', null, h('th', null, r[0]), h('td', null, r[1] === null || r[1] === undefined ? '—' : r[1])));
    });
    return t;
  }
  function route() {
    var m = /^#finding-(\d+)$/.exec(location.hash);
    if (m) {
      var f = findings[+m[1]];
      if (f) showContext(f.doc, f.sentence, f.found);
      return;
    }
    m = /^#doc-(\d+)-s-(\d+)$/.exec(location.hash);
    if (m) showContext(+m[1], +m[2], null);
  }
  window.addEventListener('hashchange', route);

  // ---- clusters ----
  function heatmap(c) {
    var n = c.heat_members;
    var t = h('table', { class: 'heatmap' });
    var head = h('tr', null, h('th', null, ''));
    for (var j = 0; j < n; j++) {
      head.append(h('th', { class: j === c.earliest ? 'earliest' : '' }, label(j) + (j === c.earliest ? ' ★' : '')));
    }
    t.append(head);
    for (var i = 0; i < n; i++) {
      var row = h('tr', null, h('th', { class: i === c.earliest ? 'earliest' : '' }, label(i) + (i === c.earliest ? ' ★' : '')));
      for (var k = 0; k < n; k++) {
        var v = c.heat[i * n + k];
        var cell;
        if (i === k) cell = h('td', { class: 'self' }, '—');
        else {
          cell = h('td', { title: label(i) + ' in ' + label(k) + ': ' + pct(v) }, pct(v));
          if (v !== null) cell.style.backgroundColor = 'rgba(214, 92, 38, ' + (0.08 + 0.85 * v).toFixed(3) + ')';
        }
        row.append(cell);
      }
      t.append(row);
    }
    return t;
  }
  function renderCluster(id, el) {
    var c = data('c' + id);
    if (!c) return;
    var body = h('div', { class: 'cluster-body' });
    var arts = h('table', { class: 'articles' },
      h('tr', null, h('th', null, ''), h('th', null, 'article'), h('th', null, 'date'), h('th', null, 'source'),
        h('th', null, 'shared'), h('th', null, 'own')));
    c.members.forEach(function (d, n) {
      var m = docs[d];
      arts.append(h('tr', { class: n === c.earliest ? 'earliest' : '' },
        h('td', null, label(n) + (n === c.earliest ? ' ★ earliest' : '')),
        h('td', null, docLink(d, 0)), h('td', null, m.date || '—'), h('td', null, m.source || '—'),
        h('td', { class: 'num' }, c.shared[n]), h('td', { class: 'num' }, c.unique[n])));
    });
    body.append(arts);
    if (c.members.length > 1) {
      body.append(h('h4', null, 'Coverage: share of the row article’s words found in the column article'));
      if (c.earliest === null) body.append(h('p', { class: 'note' }, 'no article is dated: no earliest source'));
      body.append(heatmap(c));
      if (c.heat_members < c.members.length) {
        body.append(h('p', { class: 'note' }, 'first ' + c.heat_members + ' of ' + c.members.length + ' articles shown'));
      }
    }
    if (c.quote_groups.length) {
      body.append(h('h4', null, 'Quotations of the same words'));
      c.quote_groups.forEach(function (g) {
        var q = g.canonical;
        var box = h('div', { class: 'quote-group' },
          h('p', { class: 'canonical' }, h('span', { class: 'tag' }, 'best attested'), ' ',
            q.speaker ? h('b', null, q.speaker + ': ') : null, '“', q.text, '” ', docLink(q.doc, q.sentence, docs[q.doc].path + ':' + q.line)));
        var ul = h('ul', { class: 'variants' });
        g.variants.forEach(function (v) {
          ul.append(h('li', null, docLink(v.doc, v.sentence, docs[v.doc].path + ':' + v.line), ' ',
            v.speaker ? h('b', null, v.speaker + ': ') : null, '“', diffNode(v.diff, 'both'), '”'));
        });
        box.append(ul);
        body.append(box);
      });
    }
    if (c.pairs.length) {
      body.append(h('h4', null, 'Aligned sentences'));
      c.pairs.forEach(function (k) {
        var p = data('p' + k);
        var pos = function (d) { return label(c.members.indexOf(d)); };
        var det = h('details', { class: 'pair', id: 'pair-' + k },
          h('summary', null, pos(p.doc_a) + ' ⇄ ' + pos(p.doc_b) + ': ' + p.aligned.length + ' aligned; ' +
            pct(p.containment_a_in_b) + ' of ' + pos(p.doc_a) + ' in ' + pos(p.doc_b) + ', ' +
            pct(p.containment_b_in_a) + ' of ' + pos(p.doc_b) + ' in ' + pos(p.doc_a) +
            (p.likely_source ? '; likely source ' + pos(p.likely_source === docs[p.doc_a].path ? p.doc_a : p.doc_b) : '')));
        det.addEventListener('toggle', function () { if (det.open) renderPair(p, det); });
        body.append(det);
      });
    }
    el.append(body);
  }
  function sentenceText(doc, range) {
    var s = data('d' + doc) || [];
    return s.slice(range[0], range[1]).map(function (x) { return x[2]; }).join(' ');
  }
  function renderPair(p, det) {
    if (det.getAttribute('data-rendered')) return;
    det.setAttribute('data-rendered', '1');
    var t = h('table', { class: 'side-by-side' },
      h('tr', null, h('th', null, docs[p.doc_a].path), h('th', null, ''), h('th', null, docs[p.doc_b].path)));
    p.aligned.forEach(function (a) {
      var left, right;
      if (a.diff) { left = diffNode(a.diff, 'old'); right = diffNode(a.diff, 'new'); }
      else { left = sentenceText(p.doc_a, a.a); right = sentenceText(p.doc_b, a.b); }
      t.append(h('tr', { class: 'kind-' + a.kind },
        h('td', null, docLink(p.doc_a, a.a[0], 'L' + a.a_line), ' ', left),
        h('td', { class: 'kind' }, a.kind + (a.fragment ? ', fragment' : '') + ' ' + a.score.toFixed(2)),
        h('td', null, docLink(p.doc_b, a.b[0], 'L' + a.b_line), ' ', right)));
    });
    det.append(t);
  }

  var list = $('cluster-list');
  var singles = [];
  var details = [];
  clusterSizes.forEach(function (size, id) {
    if (size < 2) { singles.push(id); return; }
    var det = h('details', { class: 'cluster', id: 'cluster-' + id },
      h('summary', null, 'cluster ' + id + ' (' + size + ' articles)'));
    det.addEventListener('toggle', function () {
      if (det.open && !det.getAttribute('data-rendered')) {
        det.setAttribute('data-rendered', '1');
        renderCluster(id, det);
      }
    });
    details.push(det);
    list.append(det);
  });
  if (singles.length) {
    var sd = h('details', { class: 'singles' }, h('summary', null, singles.length + ' single-article clusters'));
    sd.addEventListener('toggle', function () {
      if (!sd.open || sd.getAttribute('data-rendered')) return;
      sd.setAttribute('data-rendered', '1');
      var ul = h('ul');
      singles.forEach(function (id) {
        var c = data('c' + id);
        ul.append(h('li', null, 'cluster ' + id + ': ', docLink(c.members[0], 0)));
      });
      sd.append(ul);
    });
    list.append(sd);
  }

  // ---- documents ----
  var dd = $('doc-details');
  dd.addEventListener('toggle', function () {
    if (!dd.open || dd.getAttribute('data-rendered')) return;
    dd.setAttribute('data-rendered', '1');
    var t = h('table', { class: 'documents' },
      h('tr', null, ['document', 'title', 'date', 'source', 'language', 'sentences', 'cluster', 'notes']
        .map(function (x) { return h('th', null, x); })));
    var frag = document.createDocumentFragment();
    docs.forEach(function (d, i) {
      frag.append(h('tr', null, h('td', null, docLink(i, 0, d.path)), h('td', null, d.title || '—'),
        h('td', null, d.date || '—'), h('td', null, d.source || '—'), h('td', null, d.language || '—'),
        h('td', { class: 'num' }, d.sentences), h('td', { class: 'num' }, d.cluster),
        h('td', null, d.notes.join('; '))));
    });
    t.append(frag);
    $('doc-list').append(t);
  });

  filterFindings();
  // Small corpora open their multi-article clusters; `#all` opens every section (for tests).
  var all = location.hash === '#all';
  if (all || details.length <= 3) details.forEach(function (d) { d.open = true; renderCluster0(d); });
  function renderCluster0(d) {
    if (!d.getAttribute('data-rendered')) {
      d.setAttribute('data-rendered', '1');
      renderCluster(+d.id.slice('cluster-'.length), d);
    }
  }
  if (all) {
    document.querySelectorAll('details.pair').forEach(function (d) {
      d.open = true;
      var k = +d.id.slice('pair-'.length);
      renderPair(data('p' + k), d);
    });
    dd.open = true;
    dd.dispatchEvent(new Event('toggle'));
  }
  route();
  root.setAttribute('data-ready-ms', String(Math.round(performance.now() - t0)));
})();
