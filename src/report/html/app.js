// wirecheck HTML report. All article text reaches the page through textContent/text nodes;
// data comes from inert JSON data blocks (type application/json), parsed when first needed.
// Rows are arrays (see src/report/html.rs for their fields); each article's text is in its
// own block `d<N>` once, and aligned sentences mark it by run lengths instead of copying it.
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

  var meta = data('meta-data') || { rules: [], severities: [], kinds: [] };
  var docs = (data('documents-data') || []).map(function (r) {
    return { path: r[0], title: r[1], date: r[2], source: r[3], author: r[4], url: r[5],
      language: r[6], confidence: r[7], encoding: r[8], sentences: r[9], removed: r[10],
      notes: r[11], cluster: r[12] };
  });
  var findings = (data('findings-data') || []).map(function (r) {
    return { rule: meta.rules[r[0]], severity: meta.severities[r[1]], doc: r[2], sentence: r[3],
      line: r[4], column: r[5], found: r[6], suggestion: r[7], score: r[8], message: r[9] };
  });
  var clusterSizes = data('clusters-data') || [];
  function cluster(id) {
    var r = data('c' + id);
    if (!r) return null;
    return { members: r[0], shared: r[1], unique: r[2], heat_members: r[3], heat: r[4], earliest: r[5],
      pairs: r[6].map(function (p) {
        return { a: p[0], b: p[1], shared_sentences: p[2], containment_a_in_b: p[3], containment_b_in_a: p[4],
          longest_shared_run: p[5], likely_source: p[6], verbatim: p[7], aligned: p[8] };
      }),
      quote_groups: r[7].map(function (g) { return { group: g[0], canonical: quote(g[1]), variants: g[2].map(quote) }; }) };
  }
  function quote(q) { return { doc: q[0], line: q[1], sentence: q[2], text: q[3], speaker: q[4], diff: q[5] }; }
  // A document's sentences: lines, kinds (one letter each), texts.
  function sentences(doc) {
    var r = data('d' + doc);
    return r ? { l: r[0], k: r[1], t: r[2] } : { l: [], k: '', t: [] };
  }

  function docLink(doc, sentence, text) {
    var s = sentence === null || sentence === undefined ? 0 : sentence;
    return h('a', { href: '#doc-' + doc + '-s-' + s, class: 'doc' }, text || docs[doc].path);
  }

  // ---- one side of an aligned pair: its text, with run lengths unmarked, marked, … ----
  function runsNode(text, runs, tag) {
    var span = h('span', { class: 'diff' });
    var at = 0;
    runs.forEach(function (len, n) {
      var part = text.slice(at, at + len);
      at += len;
      if (!part) return;
      span.append(n % 2 ? h(tag, null, part) : document.createTextNode(part));
    });
    if (at < text.length) span.append(document.createTextNode(text.slice(at)));
    return span;
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
  var PAGE = 200;
  function filterFindings() {
    var rule = $('f-rule').value, sev = $('f-sev').value;
    var text = $('f-text').value.toLowerCase();
    matching = [];
    findings.forEach(function (f, i) {
      if (rule && f.rule !== rule) return;
      if (sev && f.severity !== sev) return;
      if (text && (f.message + ' ' + f.found + ' ' + docs[f.doc].path).toLowerCase().indexOf(text) < 0) return;
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
        h('td', null, h('a', { href: '#finding-' + i, class: 'doc' }, docs[f.doc].path)),
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
    var ss = sentences(doc);
    var body = $('context-body');
    body.textContent = '';
    body.append(h('h3', null, d.path));
    body.append(metaTable(d));
    var list = h('ol', { class: 'sentences' });
    var target = null;
    ss.t.forEach(function (text, k) {
      var li = h('li', { id: 'ctx-s-' + k, class: 'kind-' + ss.k.charAt(k) }, h('span', { class: 'line' }, 'L' + ss.l[k]), ' ');
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
     ['author', d.author], ['url', d.url],
     ['language', d.language === null ? null : d.language + (d.confidence === null ? '' : ' (' + d.confidence + ')')],
     ['encoding', d.encoding], ['sentences', d.sentences],
     ['removed', d.removed.length ? d.removed.map(function (r) { return r[0] + ' (lines ' + r[1] + '–' + r[2] + ')'; }).join('; ') : null],
     ['cluster', d.cluster]].forEach(function (r) {
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
    var c = cluster(id);
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
      c.pairs.forEach(function (p, k) {
        var pos = function (d) { return label(c.members.indexOf(d)); };
        var det = h('details', { class: 'pair', id: 'pair-' + id + '-' + k },
          h('summary', null, pos(p.a) + ' ⇄ ' + pos(p.b) + ': ' + p.shared_sentences + ' aligned; ' +
            pct(p.containment_a_in_b) + ' of ' + pos(p.a) + ' in ' + pos(p.b) + ', ' +
            pct(p.containment_b_in_a) + ' of ' + pos(p.b) + ' in ' + pos(p.a) +
            (p.likely_source !== null ? '; likely source ' + pos(p.likely_source) : '')));
        det.addEventListener('toggle', function () { if (det.open) renderPair(p, det); });
        pairOf[det.id] = p;
        body.append(det);
      });
    }
    el.append(body);
  }
  var pairOf = {};
  function sentenceText(doc, from, to) { return sentences(doc).t.slice(from, to).join(' '); }
  function renderPair(p, det) {
    if (det.getAttribute('data-rendered')) return;
    det.setAttribute('data-rendered', '1');
    // Rows in the order of the first article: verbatim runs one sentence a row, then the rest.
    var rows = [];
    p.verbatim.forEach(function (v) {
      for (var n = 0; n < v[2]; n++) rows.push([v[0] + n, v[0] + n + 1, v[1] + n, v[1] + n + 1, 0, 1, 0, null]);
    });
    p.aligned.forEach(function (a) { rows.push(a); });
    rows.sort(function (x, y) { return x[0] - y[0] || x[2] - y[2]; });
    var la = sentences(p.a).l, lb = sentences(p.b).l;
    var t = h('table', { class: 'side-by-side' },
      h('tr', null, h('th', null, docs[p.a].path), h('th', null, ''), h('th', null, docs[p.b].path)));
    rows.forEach(function (a) {
      // [a0, a1, b0, b1, kind, score, fragment, [old runs, new runs] or null]
      var left = sentenceText(p.a, a[0], a[1]), right = sentenceText(p.b, a[2], a[3]);
      var kind = meta.kinds[a[4]] || 'verbatim';
      if (a[7]) { left = runsNode(left, a[7][0], 'del'); right = runsNode(right, a[7][1], 'ins'); }
      t.append(h('tr', { class: 'kind-' + kind },
        h('td', null, docLink(p.a, a[0], 'L' + la[a[0]]), ' ', left),
        h('td', { class: 'kind' }, kind + (a[6] ? ', fragment' : '') + ' ' + a[5].toFixed(2)),
        h('td', null, docLink(p.b, a[2], 'L' + lb[a[2]]), ' ', right)));
    });
    det.append(t);
  }

  // Multi-article clusters are listed a page at a time: a corpus of thousands of events opens
  // without building (and laying out) thousands of rows.
  var list = $('cluster-list');
  var multi = h('div');
  var moreClusters = h('button', { id: 'c-more', hidden: '' }, 'show more clusters');
  list.append(multi, moreClusters);
  var singles = [];
  var multiIds = [];
  var details = [];
  var CPAGE = 200;
  clusterSizes.forEach(function (size, id) { (size < 2 ? singles : multiIds).push(id); });
  function listClusters() {
    var frag = document.createDocumentFragment();
    multiIds.slice(details.length, details.length + CPAGE).forEach(function (id) {
      var det = h('details', { class: 'cluster', id: 'cluster-' + id },
        h('summary', null, 'cluster ' + id + ' (' + clusterSizes[id] + ' articles)'));
      det.addEventListener('toggle', function () {
        if (det.open && !det.getAttribute('data-rendered')) {
          det.setAttribute('data-rendered', '1');
          renderCluster(id, det);
        }
      });
      details.push(det);
      frag.append(det);
    });
    multi.append(frag);
    moreClusters.hidden = details.length >= multiIds.length;
    moreClusters.textContent = 'show more clusters (' + details.length + ' of ' + multiIds.length + ' shown)';
  }
  moreClusters.addEventListener('click', listClusters);
  listClusters();
  if (singles.length) {
    var sd = h('details', { class: 'singles' }, h('summary', null, singles.length + ' single-article clusters'));
    sd.addEventListener('toggle', function () {
      if (!sd.open || sd.getAttribute('data-rendered')) return;
      sd.setAttribute('data-rendered', '1');
      var ul = h('ul');
      singles.forEach(function (id) {
        var c = data('c' + id);
        ul.append(h('li', null, 'cluster ' + id + ': ', docLink(c[0][0], 0)));
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
  if (all) while (details.length < multiIds.length) listClusters();
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
      renderPair(pairOf[d.id], d);
    });
    dd.open = true;
    dd.dispatchEvent(new Event('toggle'));
  }
  route();
  // Usable: the first view is built and laid out. data-ready-ms counts from the start of the
  // navigation (reading and parsing the page included); data-script-ms is this script alone.
  void document.body.offsetHeight;
  var now = performance.now();
  root.setAttribute('data-script-ms', String(Math.round(now - t0)));
  root.setAttribute('data-ready-ms', String(Math.round(now)));
  // For benchmarks: the same figure on the console, which headless Chromium logs as it happens.
  if (location.hash === '#timing') console.info('wirecheck-ready ' + Math.round(now) + ' ' + Math.round(now - t0));
})();
