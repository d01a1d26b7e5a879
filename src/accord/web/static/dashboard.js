/* accord dashboard: every page is built from the API's JSON with DOM calls.
 * Data from the store (titles, sentences, names, URLs) is hostile input: it only ever
 * becomes text nodes (textContent) or a checked http(s) href, never HTML. Charts draw on
 * canvas with richText tooltips (no HTML). Filters live in the page's URL, so a view can
 * be shared by its address. */
(function () {
  'use strict';

  var API = '/api/v1';
  var SCOPE_KEYS = ['since', 'until', 'all_modes', 'fold'];
  var QUADS = { 1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict' };
  var COOP = '#2a7d4f', CONF = '#b8332b', INK = '#24467a';
  var params = new URLSearchParams(window.location.search);
  var main = document.getElementById('main');

  // ------------------------------------------------------------ DOM helpers

  function el(tag, attrs) {
    var node = document.createElement(tag);
    var a = attrs || {};
    Object.keys(a).forEach(function (k) {
      var v = a[k];
      if (v === null || v === undefined || v === false) return;
      if (k === 'text') node.textContent = String(v);
      else if (k === 'class') node.className = v;
      else if (k === 'href') throw new Error('use link() or extLink() for hrefs');
      else if (/^on/i.test(k)) throw new Error('no inline handlers');
      else node.setAttribute(k, String(v));
    });
    for (var i = 2; i < arguments.length; i++) add(node, arguments[i]);
    return node;
  }

  function add(parent, child) {
    if (child === null || child === undefined || child === false) return parent;
    if (Array.isArray(child)) { child.forEach(function (c) { add(parent, c); }); return parent; }
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    return parent;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

  function withScope(p) {
    var out = new URLSearchParams();
    SCOPE_KEYS.forEach(function (k) { if (params.get(k)) out.set(k, params.get(k)); });
    Object.keys(p || {}).forEach(function (k) {
      var v = p[k];
      if (v !== null && v !== undefined && v !== '') out.set(k, String(v)); else out.delete(k);
    });
    return out;
  }

  function href(path, p) {
    var s = withScope(p).toString();
    return path + (s ? '?' + s : '');
  }

  /** A link inside the dashboard: the path is ours, values are URL-encoded. */
  function link(path, p, text, cls) {
    var a = el('a', { class: cls });
    a.setAttribute('href', href(path, p));
    a.textContent = String(text);
    return a;
  }

  /** A link out of the dashboard, only for http(s) URLs; anything else stays text. */
  function extLink(url, text) {
    var label = text === undefined || text === null ? url : text;
    var parsed = null;
    try { parsed = new URL(String(url)); } catch (e) { parsed = null; }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      return el('span', { class: 'muted', title: 'not an http(s) link', text: label || '' });
    }
    var a = el('a', { rel: 'noopener noreferrer nofollow', target: '_blank' });
    a.setAttribute('href', parsed.href);
    a.textContent = String(label);
    return a;
  }

  function fmt(n, digits) {
    if (n === null || n === undefined) return '–';
    if (typeof n === 'number' && !Number.isInteger(n)) return n.toFixed(digits === undefined ? 2 : digits);
    return String(n);
  }

  function showError(where, err) {
    add(where, el('div', { class: 'error', role: 'alert', text: String(err && err.message ? err.message : err) }));
  }

  function api(path, p) {
    var url = API + path + '?' + withScope(p).toString();
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) {
          var e = body && body.error ? body.error : { message: r.statusText };
          var details = (e.details || []).map(function (d) { return (d.loc || []).join('.') + ': ' + d.msg; });
          throw new Error(e.message + (details.length ? ' (' + details.join('; ') + ')' : ''));
        }
        return body;
      });
    });
  }

  // ------------------------------------------------------------ dates and periods

  function periodEnd(start, period) {
    var d = new Date(start + 'T00:00:00Z');
    if (period === 'day') return start;
    if (period === 'week') d.setUTCDate(d.getUTCDate() + 6);
    else if (period === 'month') d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
    else if (period === 'quarter') d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 3, 0));
    return d.toISOString().slice(0, 10);
  }

  // ------------------------------------------------------------ tables and events

  function table(columns, rows, empty) {
    if (!rows.length) return el('p', { class: 'muted', text: empty || 'Nothing here.' });
    var head = el('tr', null, columns.map(function (c) {
      return el('th', { class: c.num ? 'num' : null, text: c.label });
    }));
    var body = rows.map(function (r) {
      return el('tr', null, columns.map(function (c) {
        var v = c.cell(r);
        return el('td', { class: (c.num ? 'num ' : '') + (c.cls || '') }, v === null || v === undefined ? '–' : v);
      }));
    });
    return el('table', null, el('thead', null, head), el('tbody', null, body));
  }

  /** The sentence as text nodes with the event's actors and trigger marked. */
  function highlighted(ev) {
    var text = String(ev.sentence || '');
    var spans = [
      [ev.source_start, ev.source_end, 'src', 'source'],
      [ev.target_start, ev.target_end, 'tgt', 'target'],
      [ev.trigger_start, ev.trigger_end, 'trg', 'trigger']
    ].filter(function (s) {
      return Number.isInteger(s[0]) && Number.isInteger(s[1]) && s[0] >= 0 && s[1] > s[0] && s[1] <= text.length;
    }).sort(function (x, y) { return x[0] - y[0]; });
    var out = el('span', { class: 'sentence-text' });
    var at = 0;
    spans.forEach(function (s) {
      if (s[0] < at) return;
      add(out, text.slice(at, s[0]));
      add(out, el('mark', { class: s[2], title: s[3], text: text.slice(s[0], s[1]) }));
      at = s[1];
    });
    add(out, text.slice(at));
    return out;
  }

  function actor(code, name) {
    if (!code) return el('span', { class: 'muted', text: '–' });
    return el('span', null, link('/events', { actor: code }, code), name ? el('span', { class: 'muted', text: ' ' + name }) : null);
  }

  function explanation(ev) {
    var parts = ['trigger “' + (ev.trigger || '') + '”', 'rule ' + (ev.rule || ''),
      'confidence ' + fmt(ev.confidence), 'date from ' + (ev.date_source || 'none')];
    if (ev.mode && ev.mode !== 'asserted') parts.push('mode ' + ev.mode);
    if (ev.location_name) parts.push('place ' + ev.location_name + (ev.location_basis ? ' (' + ev.location_basis + ')' : ''));
    return el('span', { class: 'explain', text: parts.join(' · ') });
  }

  function sentenceHref(ev) {
    return '/document?' + new URLSearchParams({ id: ev.doc_id }).toString() + '#e-' + encodeURIComponent(ev.event_id);
  }

  function sentenceLink(ev, text) {
    var a = el('a', { class: 'to-sentence' });
    a.setAttribute('href', sentenceHref(ev));
    a.textContent = text || 'sentence';
    return a;
  }

  function eventsTable(rows) {
    return table([
      { label: 'Date', cell: function (r) { return r.date || 'undated'; } },
      { label: 'Source', cell: function (r) { return actor(r.source_code, r.source_name); } },
      { label: 'Event', cell: function (r) {
        return el('span', { class: 'quad-' + r.quad_class },
          link('/events', { root: r.root_code }, r.cameo), ' ' + (r.cameo_name || ''),
          el('span', { class: 'muted', text: ' (' + fmt(r.goldstein, 1) + ')' }));
      } },
      { label: 'Target', cell: function (r) { return actor(r.target_code, r.target_name); } },
      { label: 'Sentence', cls: 'sentence', cell: function (r) {
        return el('div', null, highlighted(r), el('div', null, explanation(r)));
      } },
      { label: 'Outlet', cell: function (r) { return r.outlet || r.title || ''; } },
      { label: 'URL', cell: function (r) { return r.url ? extLink(r.url, 'article') : null; } },
      { label: '', cell: function (r) { return sentenceLink(r, 'in its document'); } }
    ], rows, 'No events.');
  }

  function pager(page, onMove) {
    var box = el('div', { class: 'pager' });
    var first = page.total === 0 ? 0 : page.offset + 1;
    add(box, el('span', { class: 'count', text: first + '–' + (page.offset + page.returned) + ' of ' + page.total }));
    if (page.offset > 0) {
      var prev = el('button', { type: 'button', text: '← previous' });
      prev.addEventListener('click', function () { onMove(Math.max(0, page.offset - page.limit)); });
      add(box, prev);
    }
    if (page.total !== null && page.offset + page.returned < page.total) {
      var next = el('button', { type: 'button', text: 'next →' });
      next.addEventListener('click', function () { onMove(page.offset + page.limit); });
      add(box, next);
    }
    return box;
  }

  /** A paged list of events of `query` into `box`, its offset kept in the URL as `key`. */
  function pagedEvents(box, path, query, key) {
    function load(offset) {
      var p = Object.assign({}, query, { offset: offset || null, limit: 50 });
      return api(path, p).then(function (body) {
        clear(box);
        add(box, pager(body.page, function (o) {
          params.set(key, String(o));
          if (!o) params.delete(key);
          history.replaceState(null, '', window.location.pathname + '?' + params.toString() + window.location.hash);
          load(o);
        }));
        add(box, eventsTable(body.data));
      }).catch(function (e) { clear(box); showError(box, e); });
    }
    return load(parseInt(params.get(key) || '0', 10) || 0);
  }

  // ------------------------------------------------------------ charts

  function chart(node, option) {
    var c = echarts.init(node, null, { renderer: 'canvas' });
    option.tooltip = Object.assign({ renderMode: 'richText', confine: true }, option.tooltip || {});
    option.animation = false;
    c.setOption(option);
    window.addEventListener('resize', function () { c.resize(); });
    return c;
  }

  function coopConflictChart(node, rows, onPoint) {
    var periods = rows.map(function (r) { return r.period; });
    var c = chart(node, {
      grid: { left: 48, right: 56, top: 36, bottom: 40 },
      legend: { data: ['cooperation', 'conflict', 'Goldstein mean'], top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: periods },
      yAxis: [{ type: 'value', name: 'events', minInterval: 1 },
              { type: 'value', name: 'Goldstein', min: -10, max: 10 }],
      series: [
        { name: 'cooperation', type: 'bar', stack: 'n', itemStyle: { color: COOP }, data: rows.map(function (r) { return r.cooperation; }) },
        { name: 'conflict', type: 'bar', stack: 'n', itemStyle: { color: CONF }, data: rows.map(function (r) { return r.conflict; }) },
        { name: 'Goldstein mean', type: 'line', yAxisIndex: 1, connectNulls: false, itemStyle: { color: INK },
          data: rows.map(function (r) { return r.goldstein_mean === null ? null : Math.round(r.goldstein_mean * 100) / 100; }) }
      ]
    });
    c.on('click', function (e) { if (e.dataIndex !== undefined) onPoint(periods[e.dataIndex]); });
    c.getZr().on('click', function (e) {
      if (e.target) return;  // a bar or point: handled above
      var at = c.convertFromPixel({ seriesIndex: 0 }, [e.offsetX, e.offsetY]);
      if (at && at[0] >= 0 && at[0] < periods.length && c.containPixel('grid', [e.offsetX, e.offsetY])) onPoint(periods[at[0]]);
    });
    return c;
  }

  // ------------------------------------------------------------ scope bar (shared filters)

  function scopeBar() {
    var box = document.getElementById('scope');
    var form = el('form', { method: 'get' });
    form.setAttribute('action', window.location.pathname);
    // keep the page's own parameters
    params.forEach(function (v, k) {
      if (SCOPE_KEYS.indexOf(k) < 0 && k !== 'offset' && k !== 'at') add(form, el('input', { type: 'hidden', name: k, value: v }));
    });
    add(form, el('label', null, 'since ', el('input', { name: 'since', value: params.get('since') || '', placeholder: 'YYYY[-MM[-DD]]', size: 11, maxlength: 10 })));
    add(form, el('label', null, 'until ', el('input', { name: 'until', value: params.get('until') || '', placeholder: 'YYYY[-MM[-DD]]', size: 11, maxlength: 10 })));
    var fold = el('select', { name: 'fold' }, ['none', 'daily', 'clustered'].map(function (f) {
      return el('option', { value: f, selected: (params.get('fold') || 'none') === f ? 'selected' : null, text: f });
    }));
    add(form, el('label', null, 'fold repeated reports ', fold));
    add(form, el('label', null, el('input', { type: 'checkbox', name: 'all_modes', value: 'true', checked: params.get('all_modes') === 'true' ? 'checked' : null }), ' all modes'));
    add(form, el('button', { type: 'submit', text: 'apply' }));
    form.addEventListener('submit', dropEmpty);
    add(box, form);
  }

  /** Submit a GET form without its empty fields, so shared URLs stay short. */
  function dropEmpty(e) {
    e.preventDefault();
    var form = e.target;
    var out = new URLSearchParams();
    new FormData(form).forEach(function (v, k) { if (String(v).trim() !== '' && !(k === 'fold' && v === 'none')) out.set(k, String(v).trim()); });
    var s = out.toString();
    window.location.assign(form.getAttribute('action') + (s ? '?' + s : ''));
  }

  function section(title) {
    var s = el('section', { class: 'panel' });
    if (title) add(s, el('h2', { text: title }));
    add(main, s);
    return s;
  }

  function card(label, n, path, p) {
    return el('div', { class: 'card' }, path ? link(path, p, fmt(n), 'n') : el('span', { class: 'n', text: fmt(n) }), el('span', { class: 'label', text: label }));
  }

  // ------------------------------------------------------------ pages

  function overview() {
    add(main, el('h1', { text: 'Overview' }));
    var cards = el('div', { class: 'cards' });
    add(main, cards);
    var grid = el('div', { class: 'grid' });
    add(main, grid);
    var vol = add(grid, el('section', { class: 'panel' }, el('h2', { text: 'Event volume per month (click a bar for its events)' }), el('div', { id: 'volume-chart', class: 'chart' }))).lastChild;
    var quad = add(grid, el('section', { class: 'panel' }, el('h2', { text: 'Quad-class mix' }), el('div', { id: 'quad-chart', class: 'chart' }))).lastChild;
    var dy = section('Top dyads between countries');
    var al = section('Alerts: dyads departing from their own baseline');
    var ch = section('What changed: the last 7 days against the 7 before');

    api('/summary').then(function (b) {
      var s = b.data;
      add(cards, [
        card('documents', s.documents, '/events', {}),
        card('events counted', s.events, '/events', {}),
        card('dated events', s.dated_events, '/events', { since: s.first_date, until: s.last_date }),
        card('undated events', s.undated_events, '/events', { undated: 'true', since: null, until: null }),
        el('div', { class: 'card' }, el('span', { class: 'n', text: (s.first_date || '–') + ' → ' + (s.last_date || '–') }), el('span', { class: 'label', text: 'event dates' }))
      ]);
      var q = s.quad_classes;
      var qc = chart(quad.querySelector('.chart'), {
        grid: { left: 140, right: 30, top: 10, bottom: 30 },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: q.map(function (r) { return QUADS[r.quad_class] || String(r.quad_class); }) },
        series: [{ type: 'bar', data: q.map(function (r) { return { value: r.events, itemStyle: { color: r.quad_class <= 2 ? COOP : CONF } }; }) }]
      });
      qc.on('click', function (e) { window.location.assign(href('/events', { quad: q[e.dataIndex].quad_class })); });
      add(quad, table([
        { label: 'Quad class', cell: function (r) { return QUADS[r.quad_class] || String(r.quad_class); } },
        { label: 'Events', num: true, cell: function (r) { return link('/events', { quad: r.quad_class }, r.events); } }
      ], q));
    }).catch(function (e) { showError(cards, e); });

    api('/series', { period: 'month' }).then(function (b) {
      var rows = b.data;
      var c = chart(vol.querySelector('.chart'), {
        grid: { left: 48, right: 20, top: 20, bottom: 40 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: rows.map(function (r) { return r.period; }) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ name: 'events', type: 'bar', itemStyle: { color: INK }, data: rows.map(function (r) { return r.events; }) }]
      });
      c.on('click', function (e) {
        var p = rows[e.dataIndex].period;
        window.location.assign(href('/events', { since: p, until: periodEnd(p, 'month') }));
      });
    }).catch(function (e) { showError(vol, e); });

    api('/dyads', { limit: 10, domestic: 'false' }).then(function (b) { add(dy, dyadTable(b.data)); })
      .catch(function (e) { showError(dy, e); });

    api('/alerts', { evidence: 5, limit: 10 }).then(function (b) { add(al, alertList(b.data)); })
      .catch(function (e) { showError(al, e); });

    api('/changes', { days: 7, limit: 10 }).then(function (b) { add(ch, changesTable(b.data)); })
      .catch(function (e) { showError(ch, e); });
  }

  function changesTable(rows) {
    function before(r) {
      var start = new Date(r.window_start + 'T00:00:00Z');
      var end = new Date(start.getTime() - 86400000);
      var first = new Date(start.getTime() - 86400000 * (1 + (new Date(r.window_end + 'T00:00:00Z') - start) / 86400000));
      return { since: first.toISOString().slice(0, 10), until: end.toISOString().slice(0, 10) };
    }
    return table([
      { label: 'Dyad', cell: function (r) { return link('/dyad', { a: r.side_a, b: r.side_b }, r.side_a + ' – ' + r.side_b); } },
      { label: 'Status', cell: function (r) { return el('span', { class: 'badge', text: r.status }); } },
      { label: 'Events now', num: true, cell: function (r) { return link('/events', { a: r.side_a, b: r.side_b, since: r.window_start, until: r.window_end }, r.events); } },
      { label: 'Before', num: true, cell: function (r) { var w = before(r); return link('/events', { a: r.side_a, b: r.side_b, since: w.since, until: w.until }, r.events_before); } },
      { label: 'Conflict now', num: true, cell: function (r) { return link('/events', { a: r.side_a, b: r.side_b, since: r.window_start, until: r.window_end, kind: 'conflict' }, r.conflict, 'quad-4'); } },
      { label: 'Window', cell: function (r) { return r.window_start + ' … ' + r.window_end; } }
    ], rows, 'No events in the last two weeks of the store.');
  }

  function dyadTable(rows) {
    return table([
      { label: 'Dyad', cell: function (r) { return link('/dyad', { a: r.side_a, b: r.side_b }, r.side_a + ' – ' + r.side_b); } },
      { label: 'Events', num: true, cell: function (r) { return link('/events', { a: r.side_a, b: r.side_b }, r.events); } },
      { label: 'Cooperation', num: true, cell: function (r) { return link('/events', { a: r.side_a, b: r.side_b, kind: 'cooperation' }, r.cooperation, 'quad-1'); } },
      { label: 'Conflict', num: true, cell: function (r) { return link('/events', { a: r.side_a, b: r.side_b, kind: 'conflict' }, r.conflict, 'quad-4'); } },
      { label: 'Goldstein mean', num: true, cell: function (r) { return fmt(r.goldstein_mean); } },
      { label: 'Last', cell: function (r) { return r.last_date; } }
    ], rows, 'No dyads in this scope.');
  }

  function alertList(rows) {
    if (!rows.length) return el('p', { class: 'muted', text: 'No alerts: no dyad departs from its baseline in the latest window.' });
    return el('ul', { class: 'alerts' }, rows.map(function (x) {
      var kind = x.toward_conflict ? 'conflict' : 'cooperation';
      return el('li', null,
        el('div', null, link('/dyad', { a: x.side_a, b: x.side_b }, x.side_a + ' – ' + x.side_b), ': ',
          el('strong', { class: x.toward_conflict ? 'quad-4' : 'quad-1', text: x.metric + ' ' + x.direction + ' to ' + fmt(x.value, 3) }),
          el('span', { class: 'muted', text: ' (baseline ' + fmt(x.baseline_mean, 3) + ' ± ' + fmt(x.baseline_sd, 3) + ', z = ' + fmt(x.z) + ') in ' + x.window_start + ' … ' + x.window_end + '; ' }),
          link('/events', { a: x.side_a, b: x.side_b, since: x.window_start, until: x.window_end, kind: kind }, x.evidence_total + ' ' + kind + ' events'),
          ' of ', link('/events', { a: x.side_a, b: x.side_b, since: x.window_start, until: x.window_end }, x.events + ' in the window')),
        el('ul', null, x.evidence.map(function (e) {
          return el('li', null, el('span', { class: 'muted', text: (e.date || '') + ' ' + e.source_code + ' ' + e.cameo + ' ' + (e.target_code || '') + ' ' }),
            String(e.sentence), ' ', sentenceLink(e, '→ sentence'));
        })));
    }));
  }

  function eventsPage() {
    add(main, el('h1', { text: 'Events' }));
    var fields = [['actor', 'actor (code or name)'], ['source', 'source'], ['target', 'target'],
      ['text', 'sentence contains'], ['country', 'country (US or USA)'],
      ['a', 'dyad side A'], ['b', 'dyad side B'], ['root', 'CAMEO root'], ['cameo', 'CAMEO code (prefix)'],
      ['plover', 'PLOVER type'], ['min_confidence', 'min. confidence'], ['place', 'place'], ['doc_id', 'document id']];
    var form = el('form', { class: 'filters', method: 'get' });
    form.setAttribute('action', '/events');
    fields.forEach(function (f) {
      add(form, el('label', null, f[1], el('input', { name: f[0], value: params.get(f[0]) || '', maxlength: 200 })));
    });
    add(form, el('label', null, 'quad', el('select', { name: 'quad' }, ['', '1', '2', '3', '4'].map(function (v) {
      return el('option', { value: v, selected: params.get('quad') === v ? 'selected' : null, text: v ? v + ' ' + QUADS[v] : 'any' });
    }))));
    add(form, el('label', null, 'kind', el('select', { name: 'kind' }, ['', 'cooperation', 'conflict'].map(function (v) {
      return el('option', { value: v, selected: (params.get('kind') || '') === v ? 'selected' : null, text: v || 'any' });
    }))));
    add(form, el('label', null, 'has target', el('select', { name: 'has_target' }, [['', 'any'], ['true', 'has one'], ['false', 'none']].map(function (v) {
      return el('option', { value: v[0], selected: (params.get('has_target') || '') === v[0] ? 'selected' : null, text: v[1] });
    }))));
    SCOPE_KEYS.concat(['undated']).forEach(function (k) { if (params.get(k)) add(form, el('input', { type: 'hidden', name: k, value: params.get(k) })); });
    add(form, el('button', { type: 'submit', text: 'filter' }));
    form.addEventListener('submit', dropEmpty);
    add(main, form);
    var box = el('div', { id: 'events' });
    add(main, box);
    var query = {};
    fields.concat([['quad'], ['kind'], ['has_target'], ['undated']]).forEach(function (f) { if (params.get(f[0])) query[f[0]] = params.get(f[0]); });
    pagedEvents(box, '/events', query, 'offset');
  }

  function dyadPage() {
    var a = params.get('a'), b = params.get('b');
    var period = params.get('period') || 'month';
    if (!a || !b) {
      add(main, el('h1', { text: 'Dyads' }));
      var s = section('The most active dyads (pick one)');
      api('/dyads', { limit: 30 }).then(function (r) { add(s, dyadTable(r.data)); }).catch(function (e) { showError(s, e); });
      return;
    }
    var directed = params.get('directed') === 'true';
    add(main, el('h1', null, a + (directed ? ' → ' : ' – ') + b, el('span', { class: 'muted', text: ' cooperation and conflict per ' + period })));
    var controls = el('p', null, 'period: ', ['week', 'month', 'quarter'].map(function (p) {
      return [p === period ? el('strong', { text: p }) : link('/dyad', { a: a, b: b, period: p, directed: directed ? 'true' : null }, p), ' '];
    }), ' · ', link('/dyad', { a: a, b: b, period: period, directed: directed ? null : 'true' }, directed ? 'either way' : 'directed only'),
    ' · ', link('/dyad', { a: b, b: a, period: period, directed: directed ? 'true' : null }, 'swap sides'));
    add(main, controls);
    var top = section('Events per ' + period + ' (click a bar or point: its events below)');
    var node = el('div', { id: 'dyad-chart', class: 'chart' });
    add(top, node);
    var point = section(null);
    point.id = 'point-events';
    add(point, el('p', { class: 'muted', text: 'Click a point of the chart to list the events behind it.' }));
    var all = section('All events of the dyad');
    var allBox = el('div');
    add(all, allBox);
    var base = { a: a, b: b, period: period, directed: directed ? 'true' : null };

    function showPoint(at) {
      params.set('at', at);
      history.replaceState(null, '', window.location.pathname + '?' + params.toString());
      clear(point);
      add(point, el('h2', { text: 'Events behind ' + a + (directed ? ' → ' : ' – ') + b + ' in the ' + period + ' of ' + at }));
      var box = el('div', { class: 'point-list' });
      add(point, box);
      pagedEvents(box, '/series/events', Object.assign({ at: at }, base), 'point_offset');
    }

    api('/series', base).then(function (r) {
      coopConflictChart(node, r.data, showPoint);
      var total = r.data.reduce(function (n, x) { return n + x.events; }, 0);
      add(top, el('p', null, link('/events', { a: a, b: b }, total + ' dated events'), ' in ' + r.data.length + ' ' + period + 's'));
      if (params.get('at')) showPoint(params.get('at'));
    }).catch(function (e) { showError(top, e); });
    pagedEvents(allBox, '/events', { a: a, b: b }, 'offset');
  }

  function countryPage() {
    var c = (params.get('c') || '').toUpperCase();
    if (!c) {
      add(main, el('h1', { text: 'Countries' }));
      var s = section('The most active countries (pick one)');
      api('/actors', { level: 'country', limit: 40 }).then(function (r) {
        add(s, table([
          { label: 'Country', cell: function (x) { return link('/country', { c: x.actor }, x.actor); } },
          { label: 'Name', cell: function (x) { return x.name; } },
          { label: 'Events', num: true, cell: function (x) { return link('/events', { country: x.actor }, x.events); } },
          { label: 'Cooperation', num: true, cell: function (x) { return link('/events', { country: x.actor, kind: 'cooperation' }, x.cooperation, 'quad-1'); } },
          { label: 'Conflict', num: true, cell: function (x) { return link('/events', { country: x.actor, kind: 'conflict' }, x.conflict, 'quad-4'); } }
        ], r.data));
      }).catch(function (e) { showError(s, e); });
      return;
    }
    add(main, el('h1', { text: 'Country ' + c }));
    var cards = el('div', { class: 'cards' });
    add(main, cards);
    var top = section('Events involving ' + c + ' per month (click a bar for its events)');
    var node = el('div', { id: 'country-chart', class: 'chart' });
    add(top, node);
    var point = section(null);
    point.id = 'point-events';
    var grid = el('div', { class: 'grid' });
    add(main, grid);
    var partners = add(grid, el('section', { class: 'panel' }, el('h2', { text: 'Partners' }))).lastChild;
    var actors = add(grid, el('section', { class: 'panel' }, el('h2', { text: 'Actors of ' + c }))).lastChild;

    api('/countries/' + encodeURIComponent(c), { period: 'month' }).then(function (r) {
      var d = r.data;
      add(cards, [card('events', d.events, '/events', { country: c }),
        card('cooperation', d.cooperation, '/events', { country: c, kind: 'cooperation' }),
        card('conflict', d.conflict, '/events', { country: c, kind: 'conflict' })]);
      coopConflictChart(node, d.series, function (at) {
        clear(point);
        add(point, el('h2', { text: 'Events involving ' + c + ' in the month of ' + at }));
        var box = el('div', { class: 'point-list' });
        add(point, box);
        pagedEvents(box, '/events', { country: c, since: at, until: periodEnd(at, 'month') }, 'point_offset');
      });
    }).catch(function (e) { showError(top, e); });
    api('/dyads', { country: c, limit: 20 }).then(function (r) { add(partners, dyadTable(r.data)); })
      .catch(function (e) { showError(partners, e); });
    api('/actors', { prefix: c, limit: 15 }).then(function (r) {
      add(actors, table([
        { label: 'Actor', cell: function (x) { return x.actor; } },
        { label: 'Name', cell: function (x) { return x.name; } },
        { label: 'Events', num: true, cell: function (x) { return link('/events', { actor: x.actor }, x.events); } },
        { label: 'Conflict share', num: true, cell: function (x) { return fmt(x.conflict_share); } }
      ], r.data, 'No actors.'));
    }).catch(function (e) { showError(actors, e); });
  }

  function networkPage() {
    add(main, el('h1', { text: 'Network of countries' }));
    var top = section('Who acts on whom (edge colour: conflict share; click a node or an edge)');
    var node = el('div', { id: 'network-chart', class: 'chart tall' });
    add(top, node);
    var list = section('Edges');
    api('/network', { limit: 150 }).then(function (r) {
      var nodes = r.data.nodes, edges = r.data.edges;
      var max = Math.max.apply(null, nodes.map(function (n) { return n.events; }).concat([1]));
      var c = chart(node, {
        series: [{
          type: 'graph', layout: 'force', roam: true, draggable: true,
          force: { repulsion: 140, gravity: 0.25, edgeLength: [40, 140], layoutAnimation: false },
          label: { show: true, position: 'right', fontSize: 11 },
          data: nodes.map(function (n) {
            return { name: n.node, value: n.events, symbolSize: 8 + 32 * Math.sqrt(n.events / max),
              itemStyle: { color: n.conflict > n.cooperation ? CONF : COOP } };
          }),
          links: edges.map(function (e) {
            var share = e.events ? e.conflict / e.events : 0;
            return { source: e.side_a, target: e.side_b, value: e.events,
              lineStyle: { width: 1 + Math.log2(1 + e.events), color: share > 0.5 ? CONF : COOP, opacity: 0.6 } };
          })
        }]
      });
      c.on('click', function (e) {
        if (e.dataType === 'node') window.location.assign(href(e.name.length === 3 ? '/country' : '/events', e.name.length === 3 ? { c: e.name } : { actor: e.name }));
        else if (e.dataType === 'edge') window.location.assign(href('/dyad', { a: e.data.source, b: e.data.target }));
      });
      add(list, el('p', { class: 'muted', text: edges.length + ' of ' + r.meta.edges_total + ' edges (pairs of a country with itself left out)' }));
      add(list, dyadTable(edges.slice(0, 60)));
    }).catch(function (e) { showError(top, e); });
  }

  /** Rings that cross the antimeridian (Russia, Fiji) drawn east of 180° instead of as
   * lines across the whole map; Antarctica left out. */
  function unwrap(geo) {
    geo.features = geo.features.filter(function (f) { return f.properties && f.properties.name !== 'Antarctica'; });
    geo.features.forEach(function (f) {
      var g = f.geometry;
      if (!g) return;
      var polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
      polys.forEach(function (poly) {
        poly.forEach(function (ring) {
          var lo = Infinity, hi = -Infinity;
          ring.forEach(function (p) { lo = Math.min(lo, p[0]); hi = Math.max(hi, p[0]); });
          if (hi - lo > 180) ring.forEach(function (p) { if (p[0] < 0) p[0] += 360; });
        });
      });
    });
    return geo;
  }

  function mapPage() {
    add(main, el('h1', { text: 'Where events happened' }));
    var top = section('Event locations (click a point for its events)');
    var node = el('div', { id: 'map-chart', class: 'chart tall' });
    add(top, node);
    var point = section(null);
    point.id = 'point-events';
    var list = section('Places');
    function showPlace(name) {
      params.set('place', name);
      history.replaceState(null, '', window.location.pathname + '?' + params.toString());
      clear(point);
      add(point, el('h2', { text: 'Events at ' + name }));
      var box = el('div', { class: 'point-list' });
      add(point, box);
      pagedEvents(box, '/events', { place: name }, 'point_offset');
    }
    Promise.all([
      fetch('/static/vendor/world-atlas/countries-110m.json').then(function (r) { return r.json(); }),
      api('/places', { limit: 2000 })
    ]).then(function (res) {
      var topo = res[0], places = res[1].data;
      echarts.registerMap('world', unwrap(topojson.feature(topo, topo.objects.countries)));
      var max = Math.max.apply(null, places.map(function (p) { return p.events; }).concat([1]));
      var c = chart(node, {
        geo: { map: 'world', roam: true, silent: true, itemStyle: { areaColor: '#e4e8ee', borderColor: '#aab3c0' } },
        series: [{
          type: 'scatter', coordinateSystem: 'geo',
          data: places.map(function (p) {
            return { name: p.name, value: [p.lon, p.lat, p.events],
              itemStyle: { color: p.conflict > p.cooperation ? CONF : COOP, opacity: 0.75 } };
          }),
          symbolSize: function (v) { return 6 + 22 * Math.sqrt(v[2] / max); }
        }]
      });
      c.on('click', function (e) { if (e.componentType === 'series' && e.name) showPlace(e.name); });
      add(list, table([
        { label: 'Place', cell: function (p) { return p.name; } },
        { label: 'Country', cell: function (p) { return p.country ? link('/country', { c: p.country }, p.country) : null; } },
        { label: 'Events', num: true, cell: function (p) { return link('/events', { place: p.name }, p.events); } },
        { label: 'Cooperation', num: true, cell: function (p) { return link('/events', { place: p.name, kind: 'cooperation' }, p.cooperation); } },
        { label: 'Conflict', num: true, cell: function (p) { return link('/events', { place: p.name, kind: 'conflict' }, p.conflict); } },
        { label: 'Lat, lon', cell: function (p) { return fmt(p.lat, 2) + ', ' + fmt(p.lon, 2); } }
      ], places.slice(0, 100), 'No placed events.'));
      if (params.get('place')) showPlace(params.get('place'));
    }).catch(function (e) { showError(top, e); });
  }

  function documentPage() {
    var id = params.get('id');
    if (!id) { add(main, el('h1', { text: 'Document' }), el('p', null, 'Open a document from an event: ', link('/events', {}, 'events'))); return; }
    fetch(API + '/documents/' + encodeURIComponent(id)).then(function (r) {
      return r.json().then(function (body) { if (!r.ok) throw new Error(body.error ? body.error.message : r.statusText); return body; });
    }).then(function (body) {
      var d = body.data.document, events = body.data.events;
      add(main, el('h1', { class: 'doc-title', text: d.title || d.doc_id }));
      add(main, el('p', { class: 'doc-meta' },
        el('span', { text: (d.date || 'undated') + ' · ' + (d.outlet || d.source || '') + ' · ' }),
        d.url ? extLink(d.url, d.url) : el('span', { class: 'muted', text: 'no URL' }),
        el('span', { class: 'muted', text: ' · id ' + d.doc_id })));
      var bySentence = {};
      events.forEach(function (e) { (bySentence[e.sentence_index] = bySentence[e.sentence_index] || []).push(e); });
      var indices = Object.keys(bySentence).map(Number).sort(function (x, y) { return x - y; });
      add(main, el('p', { class: 'muted', text: 'The store keeps the sentences that events were coded from: ' + indices.length + ' of the article\'s ' + d.sentence_count + ' sentences, with ' + events.length + ' events (every mode). ' }),
        link('/events', { doc_id: d.doc_id }, 'These events as a table'));
      indices.forEach(function (i) {
        var evs = bySentence[i];
        var block = el('section', { class: 'sentence-block', id: 's-' + i },
          el('p', null, el('span', { class: 'idx', text: '#' + (i + 1) }), highlighted(evs[0])));
        evs.forEach(function (e) {
          add(block, el('div', { class: 'event quad-' + e.quad_class, id: 'e-' + e.event_id },
            el('div', null, actor(e.source_code, e.source_name), ' ',
              el('strong', { class: 'quad-' + e.quad_class, text: e.cameo + ' ' + (e.cameo_name || '') }), ' ',
              actor(e.target_code, e.target_name),
              el('span', { class: 'muted', text: ' · ' + (e.date || 'undated') + ' · Goldstein ' + fmt(e.goldstein, 1) + (e.plover ? ' · PLOVER ' + e.plover : '') })),
            evs.length > 1 ? el('div', null, highlighted(e)) : null,
            el('div', null, explanation(e))));
        });
        add(main, block);
      });
      if (window.location.hash.length > 1) {
        var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
        if (target) { target.classList.add('target'); target.scrollIntoView({ block: 'center' }); }
      }
    }).catch(function (e) { showError(main, e); });
  }

  var PAGES = { overview: overview, events: eventsPage, dyad: dyadPage, country: countryPage,
    network: networkPage, map: mapPage, document: documentPage };

  function start() {
    var page = document.body.getAttribute('data-page');
    var nav = document.querySelector('nav a[data-nav="' + page + '"]');
    if (nav) nav.classList.add('current');
    var search = document.querySelector('form.search input[name=text]');
    if (search && page === 'events') search.value = params.get('text') || '';
    scopeBar();
    (PAGES[page] || overview)();
  }

  start();
}());
